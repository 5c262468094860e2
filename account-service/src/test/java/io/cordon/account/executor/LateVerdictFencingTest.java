package io.cordon.account.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.ClaimTime;
import io.cordon.account.service.execution.ActionCompletionService;
import io.cordon.account.service.execution.ActionDispatcher;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fencing tokens on ledger claims: an executor whose lease ran out while it waited on Graph (a GC
 * pause, a slow network) comes back after another instance claimed the row again; its late result
 * must not overwrite the row the other instance holds.
 */
@QuarkusTest
@GraphExecutorResources
class LateVerdictFencingTest {
  private static final EnumSet<ActionType> ACTIONS = EnumSet.of(ActionType.DISMISS_RISK);

  @Inject ActionLedger ledger;
  @Inject ActionCompletionService completion;
  @Inject ActionDispatcher dispatcher;
  ActionTraffic traffic;
  String actionId;

  @BeforeEach
  void setUp() throws SQLException {
    // this test is both executors: the service's own must not claim the row
    dispatcher.pause();
    traffic = new ActionTraffic();
    actionId = AbandonedRows.insertDue(traffic, traffic.userId(1), ActionType.DISMISS_RISK.name());
  }

  @AfterEach
  void tearDown() throws SQLException {
    AbandonedRows.delete(actionId);
    dispatcher.resume();
    traffic.close();
  }

  @Test
  void aLateResultFromALostClaimIsIgnoredAndTheNewClaimersResultStays() throws Exception {
    ActionLedgerEntity first = claimOurs(Duration.ofMillis(1));
    Thread.sleep(50);
    assertThat(ledger.releaseAbandoned()).isPositive();
    ActionLedgerEntity second = claimOurs(Duration.ofMinutes(1));
    assertThat(second.claimToken).isGreaterThan(first.claimToken);

    // the first claimer comes back: first a retry (which would make the row PENDING under the
    // second claimer's feet, so it is sent twice), then a failure
    completion.apply(
        Map.of(first, Verdict.retry(Duration.ZERO, ReasonCode.THROTTLED, "late retry")),
        Map.of(actionId, "request-of-the-first"));
    assertThat(row()).startsWith("IN_FLIGHT");
    completion.apply(
        Map.of(
            first,
            Verdict.finish(ActionOutcome.FAILED_PERMANENT, ReasonCode.INVALID_REQUEST, "late")),
        Map.of(actionId, "request-of-the-first"));
    assertThat(row()).startsWith("IN_FLIGHT");

    completion.apply(
        Map.of(second, Verdict.finish(ActionOutcome.SUCCEEDED, ReasonCode.OK, "second")),
        Map.of(actionId, "request-of-the-second"));
    assertThat(row()).isEqualTo("DONE SUCCEEDED OK second request-of-the-second");
  }

  @Test
  void aLostClaimIsNeitherExtendedNorRestamped() throws Exception {
    ActionLedgerEntity first = claimOurs(Duration.ofMillis(1));
    Thread.sleep(50);
    ledger.releaseAbandoned();
    claimOurs(Duration.ofMillis(1));

    // the first claimer's heartbeat would otherwise keep the second claim alive for ever
    assertThat(ledger.extendLeases(List.of(first.claimToken), Duration.ofMinutes(5))).isZero();
    Thread.sleep(50);
    assertThat(ledger.releaseAbandoned()).isPositive();
  }

  /** Claims due rows as an executor would and returns ours (others, if any, are released). */
  private ActionLedgerEntity claimOurs(Duration lease) {
    List<ActionLedgerEntity> claimed =
        ledger
            .claim(ACTIONS, 100, Duration.ZERO, ClaimTime.now(Duration.ZERO, Duration.ZERO), lease)
            .rows();
    return claimed.stream()
        .filter(row -> row.actionId.equals(actionId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the row was not claimed: " + claimed));
  }

  private String row() throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select state, outcome, reason_code, reason_message, graph_request_id"
                    + " from remediation_action where action_id = ?")) {
      select.setString(1, actionId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1)
            + " "
            + row.getString(2)
            + " "
            + row.getString(3)
            + " "
            + row.getString(4)
            + " "
            + row.getString(5);
      }
    }
  }
}
