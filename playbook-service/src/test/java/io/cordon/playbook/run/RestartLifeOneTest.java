package io.cordon.playbook.run;

import static io.cordon.playbook.run.RestartProfiles.ACCOUNTS;
import static io.cordon.playbook.run.RestartProfiles.ACCOUNT_PREFIX;
import static io.cordon.playbook.run.RestartProfiles.INCIDENT;
import static io.cordon.playbook.run.RestartProfiles.RESPONDER_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.contracts.events.ResolvedAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * First life: a run is started and the application stops in the middle of it (when this class ends,
 * Quarkus stops the application to start {@link RestartLifeTwoTest}'s). Its engine is slowed down
 * so that dispatching is still going on at that moment.
 */
@QuarkusTest
@TestProfile(RestartProfiles.LifeOne.class)
class RestartLifeOneTest {

  @Test
  void aRunIsHalfDoneWhenTheApplicationStops() {
    Runs.putPlaybook(
        """
        name: test-restart
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: reset
            action: RESET_PASSWORD
          - id: confirm
            action: CONFIRM_COMPROMISED
            scope: run
          - id: notify
            action: NOTIFY_PARTNERS
            scope: run
        """);
    List<ResolvedAccount> accounts =
        IntStream.range(0, ACCOUNTS).mapToObj(i -> Accounts.account(ACCOUNT_PREFIX, i)).toList();
    String runId;
    try (TestResponder accountService =
        TestResponder.durable(
            RESPONDER_GROUP, ACCOUNT_PREFIX, request -> TestResponder.Answer.succeeded())) {
      runId = Runs.start("test-restart", INCIDENT, accounts);
      await().atMost(Duration.ofSeconds(60)).until(() -> accountService.requests().size() >= 25);
    }
    // account-service is "down" from here on; what the engine still dispatches waits on the topic

    assertThat(Runs.state(runId)).isEqualTo("RUNNING");
    assertThat(Runs.count(runId, "revoke", "SUCCEEDED")).isPositive();
    assertThat(Runs.count(runId, "confirm", "WAITING")).isEqualTo(ACCOUNTS);
    assertThat(
            Runs.queryLong(
                "select count(*) from step_execution where run_id = ?"
                    + " and state in ('PENDING', 'WAITING', 'IN_PROGRESS')",
                runId))
        .isPositive();
  }
}
