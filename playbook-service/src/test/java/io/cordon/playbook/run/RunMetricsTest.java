package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Runs by state and the duration of finished runs. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class RunMetricsTest {
  @Inject MeterRegistry meters;

  @Test
  void aSucceededRunIsCountedAndTimed() {
    Runs.putPlaybook(
        """
        name: test-metrics-revoke
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
        """);
    String prefix = "metrics-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    long timedBefore = timedRuns("SUCCEEDED");
    double succeededBefore = transitions("SUCCEEDED");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId =
          Runs.start("test-metrics-revoke", "INC-" + prefix, List.of(Accounts.account(prefix, 1)));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> "SUCCEEDED".equals(Runs.state(runId)));
    }

    assertThat(timedRuns("SUCCEEDED") - timedBefore).isGreaterThanOrEqualTo(1);
    assertThat(transitions("SUCCEEDED") - succeededBefore).isGreaterThanOrEqualTo(1);
  }

  private long timedRuns(String state) {
    Timer timer = meters.find("cordon.runs.duration").tag("state", state).timer();
    return timer == null ? 0 : timer.count();
  }

  private double transitions(String state) {
    Counter counter = meters.find("cordon.runs.transitions").tag("state", state).counter();
    return counter == null ? 0 : counter.count();
  }
}
