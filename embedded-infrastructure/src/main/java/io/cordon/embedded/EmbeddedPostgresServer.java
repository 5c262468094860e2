package io.cordon.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.io.FileUtils;
import org.jboss.logging.Logger;

/** Real PostgreSQL binaries (zonky), restartable on the same port and data directory. */
final class EmbeddedPostgresServer implements PostgresServerControl {

  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

  private final Path dataDirectory;
  private final boolean temporary;
  private final int port;
  private EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(Path dataDirectory, boolean temporary, EmbeddedPostgres postgres) {
    this.dataDirectory = dataDirectory;
    this.temporary = temporary;
    this.postgres = postgres;
    this.port = postgres.getPort();
  }

  static EmbeddedPostgresServer startNew() {
    return startNew(0);
  }

  /** On {@code port}, or on a free port when it is 0; data in a new temporary directory. */
  static EmbeddedPostgresServer startNew(int port) {
    try {
      return start(port, Files.createTempDirectory("cordon-postgres-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  /**
   * On {@code port} (0: a free one) with its data in {@code dataDirectory}, a new cluster when the
   * directory holds none. A caller that names the directory can find the server's {@code
   * postmaster.pid} there after its JVM was killed. The directory is the caller's: it stays when
   * the JVM exits (deleting a cluster takes seconds on a busy machine, at the moment a user waits
   * for Ctrl-C to finish).
   */
  static EmbeddedPostgresServer startNew(int port, Path dataDirectory) {
    return start(port, dataDirectory, false);
  }

  private static EmbeddedPostgresServer start(int port, Path dataDirectory, boolean temporary) {
    long startedAt = System.nanoTime();
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(
              dataDirectory, temporary, launch(dataDirectory, port, !temporary));
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "cordon-postgres-stop"));
      LOG.infof(
          "Embedded PostgreSQL ready on localhost:%d in %d ms",
          server.port, (System.nanoTime() - startedAt) / 1_000_000);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  /**
   * {@code durableCommits}: a committed transaction survives a kill -9 of the server. A named data
   * directory belongs to a stack that may be crashed on purpose (the local stack, the reliability
   * drills): with {@code synchronous_commit=off} a commit is acknowledged before its WAL is
   * written, a crash then loses it while Kafka keeps the offset committed after it, and the message
   * is never seen again, which no real deployment allows. fsync stays off either way: a process
   * kill leaves the operating system's page cache intact.
   */
  private static EmbeddedPostgres launch(Path dataDirectory, int port, boolean durableCommits)
      throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            // kept across stop()/start(); the shutdown hook deletes a temporary one
            .setCleanDataDirectory(false)
            // durability against a machine crash is worthless for a test server, speed is not
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", durableCommits ? "on" : "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_connections", "300");
    return (port == 0 ? builder : builder.setPort(port)).start();
  }

  @Override
  public int getPort() {
    return port;
  }

  @Override
  public synchronized boolean isRunning() {
    return postgres != null;
  }

  @Override
  public synchronized void stop() {
    if (postgres != null) {
      closeQuietly(postgres);
      postgres = null;
    }
  }

  @Override
  public synchronized void start() {
    if (postgres == null) {
      try {
        postgres = launch(dataDirectory, port, !temporary);
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not restart on port " + port, e);
      }
    }
  }

  @Override
  public synchronized void crash() {
    if (postgres == null) {
      return;
    }
    ProcessHandle postmaster = postmaster().orElseThrow();
    // the backends first seen, then the postmaster: none may outlive it holding shared memory
    List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
    processes.add(postmaster);
    processes.forEach(ProcessHandle::destroyForcibly);
    processes.forEach(process -> process.onExit().join());
    try {
      // releases zonky's lock on the data directory; its pg_ctl stop finds no server
      postgres.close();
    } catch (IOException | RuntimeException e) {
      LOG.debugf("closing a crashed PostgreSQL: %s", e);
    }
    postgres = null;
  }

  private Optional<ProcessHandle> postmaster() {
    try {
      String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
      return ProcessHandle.of(Long.parseLong(pid));
    } catch (IOException e) {
      throw new UncheckedIOException("no postmaster.pid in " + dataDirectory, e);
    }
  }

  private void shutdown() {
    stop();
    awaitPostmasterGone();
    if (temporary) {
      FileUtils.deleteQuietly(dataDirectory.toFile());
    }
  }

  // zonky's own shutdown hook may be the one stopping the server; deleting the data directory
  // before pg_ctl has read postmaster.pid would leave an orphaned postgres process behind.
  private void awaitPostmasterGone() {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (Files.exists(pidFile) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // the process is gone or going; nothing a test could do about it
    }
  }
}
