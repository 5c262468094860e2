package io.cordon.local;

import java.util.List;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), {@code kill} (SIGTERM) and a closed terminal (SIGHUP) run the launcher's ordered
 * stop, then end the JVM with 128 + the signal's number. Left to the JVM, these signals would run
 * every shutdown hook at once: the embedded PostgreSQL's and Kafka's own hooks would stop them
 * while the services still drain to them, and the services' stop would then wait out Kafka
 * timeouts.
 */
final class StopSignals {
  private static final List<String> STOPPING_SIGNALS = List.of("INT", "TERM", "HUP");

  private StopSignals() {}

  /**
   * A signal ignored when this JVM started (a background job of a script) stays ignored: the JVM
   * does not let a program take it over. run.sh restores SIGINT for that reason.
   */
  static void install(LauncherStop stop) {
    for (String name : STOPPING_SIGNALS) {
      Signal.handle(new Signal(name), signal -> stop.exit(128 + signal.getNumber()));
    }
  }
}
