package io.cordon.local;

import io.cordon.embedded.KafkaBrokerControl;
import io.cordon.embedded.PostgresServerControl;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stops a stack in the order that lets it stop fast. The services first, all at once, while Kafka
 * and PostgreSQL still answer: a service whose broker is already gone waits out its Kafka clients'
 * timeouts (playbook-service took 17 s). Then Kafka, then PostgreSQL. Every step is bounded so the
 * whole stop stays under 10 s; whatever outlives its bound is killed.
 */
final class StackStop {
  // Quarkus reported stops of 0.3-1 s (simulator), 3-3.5 s (account-, notification-service) and
  // 4.6-5.5 s (playbook-service) on a 2-core machine beside other builds. Past 4 s a service is
  // killed: the local stack's data is thrown away at the next start anyway.
  static final Duration SERVICE_GRACE = Duration.ofSeconds(4);
  private static final Duration KILL_WAIT = Duration.ofSeconds(2);
  // Kafka stopped in 0.7-0.9 s, PostgreSQL in 0.1 s; past these bounds the stop goes on without
  // them: Kafka ends with this JVM, PostgreSQL is stopped through its pid file
  private static final Duration KAFKA_BOUND = Duration.ofMillis(1500);
  private static final Duration POSTGRES_BOUND = Duration.ofMillis(1500);

  private final Consumer<String> log;

  StackStop(Consumer<String> log) {
    this.log = log;
  }

  /** Any argument may be null or empty: a start stopped half-way has only some of them. */
  void stop(
      List<ManagedProcess> services,
      KafkaBrokerControl kafka,
      PostgresServerControl postgres,
      Postmaster postmaster)
      throws InterruptedException {
    long startedAt = System.nanoTime();
    stopServices(services);
    long servicesStopped = System.nanoTime();
    if (kafka != null) {
      bounded("Kafka", kafka::stop, KAFKA_BOUND);
    }
    long kafkaStopped = System.nanoTime();
    if (postgres != null) {
      bounded("PostgreSQL", postgres::stop, POSTGRES_BOUND);
    }
    // also a server whose start was under way when the stop came, not yet known as `postgres`
    postmaster
        .stop(Duration.ofSeconds(1))
        .ifPresent(
            pid -> log.accept("  PostgreSQL (pid " + pid + ") stopped through its pid file"));
    log.accept(
        String.format(
            "  services %.1f s, Kafka %.1f s, PostgreSQL %.1f s",
            seconds(servicesStopped - startedAt),
            seconds(kafkaStopped - servicesStopped),
            seconds(System.nanoTime() - kafkaStopped)));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private void stopServices(List<ManagedProcess> services) throws InterruptedException {
    services.forEach(ManagedProcess::requestStop);
    long deadline = System.nanoTime() + SERVICE_GRACE.toNanos();
    for (ManagedProcess service : services) {
      service.awaitExit(deadline);
    }
    List<ManagedProcess> stuck = services.stream().filter(ManagedProcess::isAlive).toList();
    for (ManagedProcess service : stuck) {
      log.accept(
          "  " + service.name() + " still running after " + SERVICE_GRACE.toSeconds() + " s: kill");
      service.killTree();
    }
    long killDeadline = System.nanoTime() + KILL_WAIT.toNanos();
    for (ManagedProcess service : stuck) {
      service.awaitExit(killDeadline);
    }
  }

  private void bounded(String what, Runnable stop, Duration bound) throws InterruptedException {
    Thread stopper =
        new Thread(
            () -> {
              try {
                stop.run();
              } catch (RuntimeException e) {
                log.accept("  " + what + " did not stop cleanly: " + e.getMessage());
              }
            },
            "cordon-stop-" + what);
    stopper.setDaemon(true);
    stopper.start();
    stopper.join(bound.toMillis());
    if (stopper.isAlive()) {
      log.accept("  " + what + " still stopping after " + bound.toMillis() + " ms: left to exit");
    }
  }
}
