package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no {@code Test} suffix): measures the engine's CPU per account-step, the
 * figure docs/benchmarks.md "Engine CPU per account-step" reports. A run over {@code
 * -Dengine.accounts} accounts (default 1,000) × 3 steps, every ActionRequested answered at once by
 * a {@link TestResponder} over the embedded broker. CPU, not wall time, so the other load on the
 * machine distorts it little: the service's own threads, the whole test JVM (which also hosts the
 * broker and the responder) and the embedded PostgreSQL processes. A JFR recording of the run is
 * left in target/engine-cpu.jfr.
 *
 * <pre>./mvnw -q -B -ntp -pl playbook-service -am verify -Dtest=EngineCpuMeasurement \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
 *   -Dspotless.check.skip=true -Dengine.accounts=1000</pre>
 */
@QuarkusTest
@TestProfile(EngineCpuMeasurement.ProductionBatching.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class EngineCpuMeasurement {
  private static final int STEPS = 3;

  /** The dispatch batch the service uses outside tests. */
  public static class ProductionBatching implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("cordon.engine.dispatch-batch-size", "500");
    }
  }

  @Test
  void cpuPerAccountStep() throws Exception {
    int accounts = Integer.getInteger("engine.accounts", 1000);
    Runs.putPlaybook(
        """
        name: test-engine-cpu
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: oauth
            action: REVOKE_OAUTH_GRANTS
          - id: forwarding
            action: REMOVE_FORWARDING_RULES
        """);
    warmUp();
    String prefix = "cpu-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    List<Map<String, Object>> body =
        IntStream.range(0, accounts)
            .mapToObj(i -> Accounts.json(Accounts.account(prefix, i)))
            .toList();
    try (TestResponder responder =
            TestResponder.start(prefix, r -> TestResponder.Answer.succeeded());
        Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      CpuSnapshot before = CpuSnapshot.take();
      recording.start();
      long wallStart = System.nanoTime();
      String runId = Runs.start("test-engine-cpu", "INC-" + prefix, body);
      await()
          .atMost(Duration.ofMinutes(30))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> "SUCCEEDED".equals(Runs.state(runId)));
      long wallNanos = System.nanoTime() - wallStart;
      recording.stop();
      CpuSnapshot after = CpuSnapshot.take();
      recording.dump(Path.of("target", "engine-cpu.jfr"));

      long steps =
          Runs.queryLong(
              "select count(*) from step_execution where run_id = ? and state = 'SUCCEEDED'",
              runId);
      assertThat(steps).isEqualTo((long) accounts * STEPS);
      report(accounts, steps, wallNanos, before, after);
    }
  }

  // one small run first, so class loading and JIT warm-up are not billed to the measured run
  private static void warmUp() {
    String prefix = "warm-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      List<Map<String, Object>> body =
          IntStream.range(0, 50).mapToObj(i -> Accounts.json(Accounts.account(prefix, i))).toList();
      String runId = Runs.start("test-engine-cpu", "INC-" + prefix, body);
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> "SUCCEEDED".equals(Runs.state(runId)));
    }
  }

  private static void report(
      int accounts, long steps, long wallNanos, CpuSnapshot before, CpuSnapshot after) {
    double serviceMs = (after.serviceThreads - before.serviceThreads) / 1e6;
    double jvmMs = (after.process - before.process) / 1e6;
    double postgresMs = (after.postgres - before.postgres) / 1e6;
    System.out.printf(
        "%nENGINE-CPU accounts=%d account-steps=%d wall=%.1fs account-steps/s=%.1f%n"
            + "ENGINE-CPU service threads: %.0f ms = %.2f ms/account-step%n"
            + "ENGINE-CPU whole test JVM (+broker, responder): %.0f ms = %.2f ms/account-step%n"
            + "ENGINE-CPU PostgreSQL: %.0f ms = %.2f ms/account-step%n",
        accounts,
        steps,
        wallNanos / 1e9,
        steps / (wallNanos / 1e9),
        serviceMs,
        serviceMs / steps,
        jvmMs,
        jvmMs / steps,
        postgresMs,
        postgresMs / steps);
    Map<String, Long> byGroup = new HashMap<>();
    after.byThreadGroup.forEach(
        (group, nanos) -> byGroup.put(group, nanos - before.byThreadGroup.getOrDefault(group, 0L)));
    byGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(15)
        .forEach(
            e ->
                System.out.printf("ENGINE-CPU   %-50s %8.0f ms%n", e.getKey(), e.getValue() / 1e6));
  }

  /** CPU nanoseconds used so far. */
  private record CpuSnapshot(
      long process, long serviceThreads, long postgres, Map<String, Long> byThreadGroup) {
    static CpuSnapshot take() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      Map<String, Long> byGroup = new HashMap<>();
      long service = 0;
      for (long id : threads.getAllThreadIds()) {
        ThreadInfo info = threads.getThreadInfo(id);
        long cpu = threads.getThreadCpuTime(id);
        if (info == null || cpu < 0) {
          continue;
        }
        String group = info.getThreadName().replaceAll("[0-9]+", "N");
        byGroup.merge(group, cpu, Long::sum);
        if (isServiceThread(info.getThreadName())) {
          service += cpu;
        }
      }
      long process =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      return new CpuSnapshot(process, service, postgresCpu(), byGroup);
    }

    // the embedded server's postmaster (found by its port) and its backends; backends that ended
    // during the run are not counted, but the pooled connections live through it
    private static long postgresCpu() {
      String port = String.valueOf(EmbeddedPostgresResource.server().getPort());
      return ProcessHandle.allProcesses()
          .filter(p -> p.info().command().orElse("").endsWith("postgres"))
          .filter(p -> p.info().arguments().map(args -> List.of(args).contains(port)).orElse(false))
          .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
          .mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos())
          .sum();
    }

    // the application's pools and its own Kafka clients; the broker and the responder are not it
    private static boolean isServiceThread(String name) {
      return name.startsWith("executor-thread")
          || name.startsWith("vert.x-")
          || name.startsWith("cordon-")
          || name.startsWith("smallrye-kafka")
          || name.contains("kafka-producer-cordon-outbox")
          || name.contains("kafka-consumer-action-results")
          || name.startsWith("agroal")
          || name.startsWith("quarkus-");
    }
  }
}
