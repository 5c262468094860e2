package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.account.service.budget.GraphBudget;
import io.cordon.account.service.execution.ActionDispatcher;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal.InnerRequest;
import io.cordon.testsupport.InjectGraphWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A single revoke leaves as soon as its linger is up and nothing else it shares a worker with holds
 * it back, and actions put off for the budget leave when it has room. The poller idles for an hour
 * and there is one worker of each kind, so the waits below (a tenth of Graph's 20 s hold-ups) can
 * only be met by the wake-ups, never by a poll or a second worker. Identity Protection's window is
 * stretched to 3 s, so that what arrives within one is plain to see.
 */
@QuarkusTest
@GraphExecutorResources
@TestProfile(DispatchWithoutPollingTest.OnePollPerHour.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispatchWithoutPollingTest {
  private static final Duration SENT_WITHIN = Duration.ofSeconds(15);
  private static final int GRAPH_HOLD_MS = 20_000;

  @InjectGraphWireMock WireMockServer graph;
  @Inject ActionDispatcher dispatcher;
  @Inject GraphBudget budget;

  @ConfigProperty(name = "cordon.graph.tenant-id")
  String tenantId;

  ActionTraffic traffic;

  public static class OnePollPerHour implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "cordon.executor.idle-poll", "1h",
          "cordon.executor.workers", "1",
          // the documented budgets (tests elsewhere run with budgets that never bind), with
          // Identity Protection's one call per second stretched to one per 3 s
          "cordon.graph.budget.scale", "1",
          "cordon.graph.budget.window-scale", "3");
    }
  }

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    traffic = new ActionTraffic();
  }

  @AfterEach
  void tearDown() {
    traffic.close();
    // what is still held answers at once from now on (its retries included)
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
  }

  @Test
  @Order(1)
  void aLoneRevokeLeavesOnceItsLingerIsUpNotAtTheNextPoll() {
    ActionRequested revoke = traffic.request(1, ActionType.REVOKE_SESSIONS);

    traffic.send(revoke);

    // the consumer's wake-up finds the row still lingering; only the linger's own wake-up sends it
    assertThat(completed(revoke).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
  }

  @Test
  @Order(2)
  void confirmationsArrivingWhileTheIdentityProtectionWindowIsSpentLeaveInOneCall()
      throws SQLException, InterruptedException {
    ActionRequested first = traffic.request(10, ActionType.CONFIRM_COMPROMISED);
    traffic.send(first);
    assertThat(completed(first).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    List<ActionRequested> second = confirmations(11, 16);
    List<ActionRequested> third = confirmations(16, 21);

    // the second group waits in the ledger while a whole window is spent (as another instance's
    // call would spend it) just before the workers may claim: however long the bus took to bring
    // the group, the window is spent when they claim it
    dispatcher.pause();
    try {
      traffic.send(second);
      await().atMost(SENT_WITHIN).until(() -> inLedger(second, "state = 'PENDING'") == 5);
      spendAnIdentityProtectionWindow();
    } finally {
      dispatcher.resume();
    }
    // every one of them is claimed and put back unsent until the window has room ...
    await().atMost(SENT_WITHIN).until(() -> inLedger(second, PUT_OFF) == 5);
    // ... and the next ones join them, held back from the workers until all are in the ledger
    dispatcher.pause();
    try {
      traffic.send(third);
      await().atMost(SENT_WITHIN).until(() -> inLedger(third, "true") == 5);
    } finally {
      dispatcher.resume();
    }

    for (ActionRequested request : concat(second, third)) {
      assertThat(completed(request).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    }
    List<InnerRequest> calls = traffic.ownRequests(graph);
    assertThat(calls)
        .allMatch(r -> r.url().endsWith("/identityProtection/riskyUsers/confirmCompromised"));
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1).body().path("userIds")).hasSize(10);
  }

  /** Waits for the window the first call spent to pass, then spends the next one whole. */
  private void spendAnIdentityProtectionWindow() throws InterruptedException {
    budget.acquire(tenantId, 1, 1, 1).close();
  }

  @Test
  @Order(3)
  void aRevokeIsNotHeldBehindAConfirmCompromisedInProgress() throws SQLException {
    graph.stubFor(
        post(urlPathEqualTo("/v1.0/$batch"))
            .atPriority(1)
            .withRequestBody(containing("confirmCompromised"))
            .willReturn(aResponse().withStatus(503).withFixedDelay(GRAPH_HOLD_MS)));
    ActionRequested confirm = traffic.request(1, ActionType.CONFIRM_COMPROMISED);
    traffic.send(confirm);
    await().atMost(SENT_WITHIN).until(() -> "IN_FLIGHT".equals(state(confirm)));

    ActionRequested revoke = traffic.request(2, ActionType.REVOKE_SESSIONS);
    traffic.send(revoke);

    assertThat(completed(revoke).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(state(confirm)).isEqualTo("IN_FLIGHT");
  }

  // last: the held clean-up stays in flight for a while after the test (on the clean-up pool)
  @Test
  @Order(4)
  void aRevokeClaimedWithACleanupIsSentBeforeTheCleanupsCalls() throws SQLException {
    String victim = traffic.userId(1);
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + victim + "/mailFolders/inbox/messageRules"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"value\":[]}")
                    .withFixedDelay(GRAPH_HOLD_MS)));
    ActionRequested mailRules = traffic.request(1, ActionType.REMOVE_MAIL_RULES);
    ActionRequested revoke = traffic.request(2, ActionType.REVOKE_SESSIONS);
    // both in the ledger before any claim, so that one claim takes both
    dispatcher.pause();
    try {
      traffic.send(List.of(mailRules, revoke));
      await().atMost(SENT_WITHIN).until(() -> ExecutorTest.pendingActions(traffic.runId) == 2);
    } finally {
      dispatcher.resume();
    }

    assertThat(completed(revoke).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(state(mailRules)).isEqualTo("IN_FLIGHT");
  }

  private List<ActionRequested> confirmations(int fromUser, int toUser) {
    return IntStream.range(fromUser, toUser)
        .mapToObj(user -> traffic.request(user, ActionType.CONFIRM_COMPROMISED))
        .toList();
  }

  private static List<ActionRequested> concat(
      List<ActionRequested> first, List<ActionRequested> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static final String PUT_OFF =
      "state = 'PENDING' and attempts = 0 and next_attempt_at > now()";

  /** How many of these actions are in the ledger in rows meeting {@code condition}. */
  private static int inLedger(List<ActionRequested> requests, String condition)
      throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) from remediation_action where action_id = any(?) and "
                    + condition)) {
      statement.setArray(
          1,
          connection.createArrayOf(
              "text", requests.stream().map(ActionRequested::actionId).toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private ActionCompleted completed(ActionRequested request) {
    await().atMost(SENT_WITHIN).until(() -> traffic.completions().containsKey(request.actionId()));
    return traffic.completions().get(request.actionId());
  }

  private static String state(ActionRequested request) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select state from remediation_action where action_id = ?")) {
      statement.setString(1, request.actionId());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }
}
