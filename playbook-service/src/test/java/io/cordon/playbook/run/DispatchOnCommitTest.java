package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The engine dispatches right after the commit that made a step due, not at its next poll: here the
 * poll is an hour away, so a run of two steps can only finish through the wake-ups after its
 * commits (the run's start, then the first step's outcome).
 */
@QuarkusTest
@TestProfile(DispatchOnCommitTest.HourLongPoll.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class DispatchOnCommitTest {

  @Test
  void eachStepIsDispatchedRightAfterTheCommitThatMadeItDue() {
    Runs.putPlaybook(
        """
        name: test-dispatch-on-commit
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: reset
            action: RESET_PASSWORD
        """);
    String prefix = "oncommit-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId =
          Runs.start(
              "test-dispatch-on-commit", "INC-" + prefix, List.of(Accounts.account(prefix, 1)));

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> "SUCCEEDED".equals(Runs.state(runId)));
      assertThat(responder.requests())
          .extracting(ActionRequested::action)
          .containsExactly(ActionType.REVOKE_SESSIONS, ActionType.RESET_PASSWORD);
    }
  }

  public static class HourLongPoll implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("cordon.engine.poll-interval", "1h");
    }
  }
}
