package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.testsupport.CpuMeter;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
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
    List<ResolvedAccount> body =
        IntStream.range(0, accounts).mapToObj(i -> Accounts.account(prefix, i)).toList();
    try (TestResponder responder =
            TestResponder.start(prefix, r -> TestResponder.Answer.succeeded());
        Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      CpuMeter.Snapshot before = CPU.take();
      recording.start();
      long wallStart = System.nanoTime();
      String runId = Runs.start("test-engine-cpu", "INC-" + prefix, body);
      await()
          .atMost(Duration.ofMinutes(30))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> "SUCCEEDED".equals(Runs.state(runId)));
      long wallNanos = System.nanoTime() - wallStart;
      recording.stop();
      CpuMeter.Snapshot after = CPU.take();
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
      List<ResolvedAccount> body =
          IntStream.range(0, 50).mapToObj(i -> Accounts.account(prefix, i)).toList();
      String runId = Runs.start("test-engine-cpu", "INC-" + prefix, body);
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> "SUCCEEDED".equals(Runs.state(runId)));
    }
  }

  private static final CpuMeter CPU =
      CpuMeter.ofService("kafka-producer-cordon-outbox", "kafka-consumer-action-results");

  private static void report(
      int accounts, long steps, long wallNanos, CpuMeter.Snapshot before, CpuMeter.Snapshot after) {
    System.out.printf(
        "%nENGINE-CPU accounts=%d account-steps=%d wall=%.1fs account-steps/s=%.1f%n",
        accounts, steps, wallNanos / 1e9, steps / (wallNanos / 1e9));
    CpuMeter.report("ENGINE-CPU", "account-step", steps, before, after);
  }
}
