package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ClaimTime;
import io.cordon.account.service.execution.ActionDispatcher;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal.InnerRequest;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.WireMockGraphResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes whose fate is unknown (claimed by an executor that died mid-send, or never answered):
 * Graph is asked whether the effect is already there before anything is sent again.
 */
@QuarkusTest
@GraphExecutorResources
class AbandonedClaimsTest {
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
  void aReleasedRevokeIsSentOnlyWhenGraphDoesNotShowItsEffect() throws SQLException {
    Instant claimed = Instant.now().minus(Duration.ofMinutes(3));
    String applied = traffic.userId(1);
    String notApplied = traffic.userId(2);
    GraphBatchStub.graphBatch()
        .user(applied, "user1@jaxa.example", "Member", false, List.of(), List.of())
        .userProperty(applied, "signInSessionsValidFromDateTime", claimed.plusSeconds(1).toString())
        .user(notApplied, "user2@jaxa.example", "Member", false, List.of(), List.of())
        .userProperty(
            notApplied, "signInSessionsValidFromDateTime", claimed.minusSeconds(3600).toString())
        .install(graph);
    String appliedAction = abandonedRevoke(applied, claimed);
    String notAppliedAction = abandonedRevoke(notApplied, claimed);

    // the dispatcher may have released them already
    ledger.releaseAbandoned();
    dispatcher.wakeUp();
    Map<String, ActionCompleted> completions = traffic.awaitCompletions(2, WAIT);

    assertThat(completions.get(appliedAction).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(completions.get(appliedAction).reasonCode()).isEqualTo(ReasonCode.ALREADY_DONE);
    assertThat(completions.get(appliedAction).reasonMessage())
        .contains("signInSessionsValidFromDateTime");
    assertThat(completions.get(notAppliedAction).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(completions.get(notAppliedAction).reasonCode()).isEqualTo(ReasonCode.OK);
    List<InnerRequest> inner = traffic.ownRequests(graph);
    assertThat(revokes(inner, applied)).isZero();
    assertThat(revokes(inner, notApplied)).isEqualTo(1);
    assertThat(inner.stream().filter(r -> r.method().equals("GET")).count()).isEqualTo(2);
  }

  @Test
  void aRevokeThatWasNotAbandonedIsSentWithoutAReadFirst() {
    GraphBatchStub.graphBatch().install(graph);
    var request = traffic.request(3, io.cordon.contracts.ActionType.REVOKE_SESSIONS);

    traffic.send(request);
    traffic.awaitCompletions(1, WAIT);

    List<InnerRequest> inner = traffic.ownRequests(graph);
    assertThat(inner).singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("POST"));
  }

  @Test
  void anUnansweredRevokeIsCheckedInGraphBeforeItIsSentAgain() {
    String user = traffic.userId(4);
    // Graph applied the revoke but the answer never came back (held past the 30 s timeout)
    graph.stubFor(
        post(urlPathEqualTo(WireMockGraphResource.GRAPH_PATH + "/$batch"))
            .atPriority(1)
            .withRequestBody(containing(user + "/revokeSignInSessions"))
            .inScenario("held " + user)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("answered once")
            .willReturn(aResponse().withStatus(200).withFixedDelay(35_000)));
    GraphBatchStub.graphBatch()
        .user(user, "user4@jaxa.example", "Member", false, List.of(), List.of())
        .userProperty(
            user, "signInSessionsValidFromDateTime", Instant.now().plusSeconds(3600).toString())
        .install(graph);
    var request = traffic.request(4, io.cordon.contracts.ActionType.REVOKE_SESSIONS);

    traffic.send(request);
    ActionCompleted completed = traffic.awaitCompletions(1, WAIT).get(request.actionId());

    assertThat(completed.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.ALREADY_DONE);
    List<InnerRequest> inner = traffic.ownRequests(graph);
    assertThat(revokes(inner, user)).isEqualTo(1);
    assertThat(inner.stream().filter(r -> r.method().equals("GET")).count()).isEqualTo(1);
  }

  @Test
  void aClaimWhoseLeaseRunsOutIsReleasedWithItsGraphTimeAndOneKeptAliveIsNot() throws SQLException {
    // PostgreSQL keeps microseconds: compare what it can store
    Instant claimed =
        Instant.now()
            .minus(Duration.ofMinutes(3))
            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String busy = abandonedRevoke(traffic.userId(5), claimed);
    String abandoned = abandonedRevoke(traffic.userId(6), claimed);
    Instant graphEarliest = claimed.plusSeconds(29);
    AbandonedRows.claimedInGraphTime(abandoned, graphEarliest, graphEarliest.plusSeconds(2));

    ledger.extendLeases(List.of(AbandonedRows.claimToken(busy)), Duration.ofMinutes(1));
    ledger.releaseAbandoned();

    try {
      assertThat(AbandonedRows.stateOf(busy)).isEqualTo("IN_FLIGHT since null graph null..null");
      assertThat(AbandonedRows.stateOf(abandoned))
          .isEqualTo(
              "PENDING since "
                  + claimed
                  + " graph "
                  + graphEarliest
                  + ".."
                  + graphEarliest.plusSeconds(2));
    } finally {
      AbandonedRows.delete(busy, abandoned);
    }
  }

  @Test
  void aClaimHoldsALeaseFromTheMomentItIsTaken() throws SQLException {
    // a claim without a lease was never released after a kill: the run stalled for good
    dispatcher.pause();
    String due = null;
    try {
      due = AbandonedRows.insertDue(traffic, traffic.userId(7), "REVOKE_SESSIONS");
      List<String> claimed =
          ledger
              .claim(
                  java.util.EnumSet.of(io.cordon.contracts.ActionType.REVOKE_SESSIONS),
                  20,
                  Duration.ZERO,
                  ClaimTime.now(Duration.ZERO, Duration.ZERO),
                  Duration.ofSeconds(20))
              .rows()
              .stream()
              .map(row -> row.actionId)
              .toList();

      assertThat(claimed).contains(due);
      assertThat(AbandonedRows.leaseExpiry(due)).isAfter(Instant.now().plusSeconds(10));
    } finally {
      if (due != null) {
        AbandonedRows.delete(due);
      }
      dispatcher.resume();
    }
  }

  private static long revokes(List<InnerRequest> inner, String userId) {
    return inner.stream()
        .filter(r -> r.method().equals("POST"))
        .filter(r -> r.url().contains(userId + "/revokeSignInSessions"))
        .count();
  }

  /** A row as a killed executor leaves it: IN_FLIGHT, claimed long ago, lease run out. */
  private String abandonedRevoke(String userId, Instant claimed) throws SQLException {
    return AbandonedRows.insert(
        traffic, userId, "REVOKE_SESSIONS", claimed, claimed.plus(Duration.ofSeconds(20)));
  }
}
