package io.cordon.embedded;

/**
 * The JVM-wide embedded PostgreSQL server, as seen from any class loader. Outage tests use {@link
 * #stop()} (or {@link #crash()}) and {@link #start()}; the server comes back on the same port with
 * its data intact.
 */
public interface PostgresServerControl {

  int getPort();

  boolean isRunning();

  void stop();

  void start();

  /**
   * Kills the postmaster and every backend with SIGKILL, as a crash would (no shutdown, no
   * checkpoint); {@link #start()} then brings it back through crash recovery.
   */
  void crash();
}
