package io.cordon.account.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.account.repository.ActionLedger;
import io.cordon.account.service.execution.ActionDispatcher;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal.InnerRequest;
import io.cordon.testsupport.InjectGraphWireMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sequence of a killed executor on a real tenant: the first send was answered, the instance
 * died before recording it, and the check read shows Graph's value in whole seconds, in the very
 * second of the attempt. Nothing may take effect twice.
 */
@QuarkusTest
@GraphExecutorResources
class GraphTimeEffectCheckTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @InjectGraphWireMock WireMockServer graph;
  @Inject ActionLedger ledger;
  @Inject ActionDispatcher dispatcher;
  ActionTraffic traffic;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
    traffic = new ActionTraffic();
  }

  @AfterEach
  void tearDown() {
    traffic.close();
  }

  @Test
  void aRevokeGraphShowsInTheSecondOfItsUnconfirmedAttemptIsNotSentAgain() throws SQLException {
    Instant attempt = lateInASecond();
    String user = traffic.userId(1);
    stubUser(user, "signInSessionsValidFromDateTime", wholeSecond(attempt), Duration.ZERO);
    String action = abandoned(user, "REVOKE_SESSIONS", attempt);

    ActionCompleted completed = releaseAndAwait(action);

    assertThat(completed.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.ALREADY_DONE);
    assertThat(writes(user, "POST")).isZero();
  }

  @Test
  void aResetGraphShowsInTheSecondOfItsUnconfirmedAttemptIsLeftForAPersonToVerify()
      throws SQLException {
    Instant attempt = lateInASecond();
    String user = traffic.userId(2);
    stubUser(user, "lastPasswordChangeDateTime", wholeSecond(attempt), Duration.ZERO);
    String action = abandoned(user, "RESET_PASSWORD", attempt);

    ActionCompleted completed = releaseAndAwait(action);

    assertThat(completed.outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.EFFECT_UNVERIFIABLE);
    assertThat(completed.reasonMessage())
        .contains("lastPasswordChangeDateTime " + wholeSecond(attempt))
        .contains("Entra audit log");
    assertThat(writes(user, "PATCH")).isZero();
  }

  @Test
  void aResetGraphShowsSecondsBeforeItsAttemptIsSentOnce() throws SQLException {
    Instant attempt = lateInASecond();
    String user = traffic.userId(3);
    stubUser(
        user, "lastPasswordChangeDateTime", wholeSecond(attempt.minusSeconds(3)), Duration.ZERO);
    String action = abandoned(user, "RESET_PASSWORD", attempt);

    ActionCompleted completed = releaseAndAwait(action);

    assertThat(completed.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.OK);
    assertThat(writes(user, "PATCH")).isEqualTo(1);
  }

  @Test
  void aResetGraphShowsAfterItsAttemptIsDone() throws SQLException {
    Instant attempt = lateInASecond();
    String user = traffic.userId(4);
    stubUser(
        user, "lastPasswordChangeDateTime", wholeSecond(attempt.plusSeconds(2)), Duration.ZERO);
    String action = abandoned(user, "RESET_PASSWORD", attempt);

    ActionCompleted completed = releaseAndAwait(action);

    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.ALREADY_DONE);
    assertThat(writes(user, "PATCH")).isZero();
  }

  @Test
  void anEarlierRevokeIsNotTakenForOursWhenGraphsClockRunsAhead() throws SQLException {
    // Graph's clock is 30 s ahead; the revoke it shows happened 5 s before the attempt
    Instant attempt = lateInASecond();
    String user = traffic.userId(5);
    Duration ahead = Duration.ofSeconds(30);
    stubUser(
        user,
        "signInSessionsValidFromDateTime",
        wholeSecond(attempt.plus(ahead).minusSeconds(5)),
        ahead);
    String action = abandoned(user, "REVOKE_SESSIONS", attempt);

    ActionCompleted completed = releaseAndAwait(action);

    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.OK);
    assertThat(writes(user, "POST")).isEqualTo(1);
  }

  @Test
  void theGraphTimeItsExecutorRecordedDecidesOverTheLocalClaimTime() throws SQLException {
    // the claiming executor measured Graph's clock 30 s ahead of its own; Graph shows a reset 3 s
    // after the attempt in Graph's clock, which is 27 s "before" it in the local clock
    Instant attempt = lateInASecond();
    String user = traffic.userId(6);
    Instant attemptInGraph = attempt.plusSeconds(30);
    stubUser(
        user,
        "lastPasswordChangeDateTime",
        wholeSecond(attemptInGraph.plusSeconds(3)),
        Duration.ZERO);
    String action = abandoned(user, "RESET_PASSWORD", attempt);
    AbandonedRows.claimedInGraphTime(
        action, attemptInGraph.minusMillis(900), attemptInGraph.plusMillis(100));

    ActionCompleted completed = releaseAndAwait(action);

    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.ALREADY_DONE);
    assertThat(writes(user, "PATCH")).isZero();
  }

  /** Three minutes ago, 918 ms into a second: the attempt time of the reported sequence. */
  private static Instant lateInASecond() {
    return Instant.now()
        .minus(Duration.ofMinutes(3))
        .truncatedTo(ChronoUnit.SECONDS)
        .plusMillis(918);
  }

  /** Graph's format: whole seconds, {@code Z}. */
  private static String wholeSecond(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private void stubUser(String user, String property, String value, Duration graphClockAhead) {
    GraphBatchStub.graphBatch()
        .user(user, user + "@jaxa.example", "Member", false, List.of(), List.of())
        .userProperty(user, "accountEnabled", true)
        .userProperty(user, property, value)
        .clockAhead(graphClockAhead)
        .install(graph);
  }

  private String abandoned(String user, String action, Instant claimed) throws SQLException {
    return AbandonedRows.insert(traffic, user, action, claimed, claimed.plusSeconds(20));
  }

  private ActionCompleted releaseAndAwait(String actionId) {
    // the dispatcher releases run-out leases on its own too
    ledger.releaseAbandoned();
    dispatcher.wakeUp();
    return traffic.awaitCompletions(1, WAIT).get(actionId);
  }

  private long writes(String user, String method) {
    List<InnerRequest> inner = traffic.ownRequests(graph);
    return inner.stream()
        .filter(r -> r.method().equals(method))
        .filter(r -> r.url().contains(user))
        .count();
  }
}
