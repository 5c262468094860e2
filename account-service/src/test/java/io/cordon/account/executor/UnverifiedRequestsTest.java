package io.cordon.account.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.signing.ActionSigner;
import io.cordon.contracts.signing.SigningKeys;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.TestActionSigning;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Only requests playbook-service signed reach Graph: whoever else can write the topic (a
 * misconfigured ACL, a compromised service) gets a FAILED ledger row, an audit entry and no call.
 */
@QuarkusTest
@GraphExecutorResources
class UnverifiedRequestsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @InjectGraphWireMock WireMockServer graph;
  @Inject MeterRegistry meters;
  ActionTraffic traffic;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    traffic = new ActionTraffic();
  }

  @AfterEach
  void tearDown() {
    traffic.close();
  }

  @Test
  void unsignedForgedAndTamperedRequestsNeverReachGraph() throws SQLException {
    double refusedBefore = refusedCount();
    ActionRequested unsigned =
        traffic.unsigned(traffic.userId(1), "user1@jaxa.example", ActionType.DISABLE_ACCOUNT);
    ActionRequested forged =
        new ActionSigner(TestActionSigning.CURRENT_KEY_ID, SigningKeys.generate().getPrivate())
            .sign(
                traffic.unsigned(
                    traffic.userId(2), "user2@jaxa.example", ActionType.RESET_PASSWORD));
    // a properly signed revoke whose action a writer on the bus turned into a disable
    ActionRequested signed = traffic.request(3, ActionType.REVOKE_SESSIONS);
    ActionRequested tampered =
        new ActionRequested(
            signed.schemaVersion(),
            signed.eventId(),
            signed.actionId(),
            signed.runId(),
            signed.stepId(),
            signed.account(),
            ActionType.DISABLE_ACCOUNT,
            signed.parameters(),
            signed.requestedAt(),
            signed.signature());
    // sent after the refused ones on the same partitions' order: once it is done, they were read
    ActionRequested genuine = traffic.request(4, ActionType.REVOKE_SESSIONS);
    traffic.send(List.of(unsigned, forged, tampered));
    traffic.send(genuine);

    Map<String, ActionCompleted> completions = traffic.awaitCompletions(1, WAIT);
    assertThat(completions.get(genuine.actionId()).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    for (ActionRequested refused : List.of(unsigned, forged, tampered)) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(ledgerRow(refused.actionId()))
                      .as(refused.actionId())
                      .containsEntry("state", "DONE")
                      .containsEntry("outcome", "FAILED_PERMANENT")
                      .containsEntry("reason_code", ReasonCode.UNVERIFIED_REQUEST.name()));
      assertThat(auditResults(refused.actionId()))
          .containsExactly("FAILED_PERMANENT UNVERIFIED_REQUEST");
    }
    assertThat(ledgerRow(unsigned.actionId()).get("reason_message"))
        .isEqualTo("signature unsigned");
    assertThat(ledgerRow(tampered.actionId()).get("reason_message"))
        .isEqualTo("signature bad signature");
    // Graph saw the genuine request only
    assertThat(traffic.ownRequests(graph))
        .hasSize(1)
        .allSatisfy(r -> assertThat(r.url()).contains(traffic.userId(4)));
    assertThat(traffic.completions()).containsOnlyKeys(genuine.actionId());
    assertThat(refusedCount() - refusedBefore).isEqualTo(3.0);
  }

  @Test
  void bothKeysOfARotationAreTrusted() {
    ActionRequested current = traffic.request(5, ActionType.REVOKE_SESSIONS);
    ActionRequested next =
        TestActionSigning.signer(TestActionSigning.NEXT_KEY_ID)
            .sign(
                traffic.unsigned(
                    traffic.userId(6), "user6@jaxa.example", ActionType.REVOKE_SESSIONS));
    traffic.send(List.of(current, next));

    Map<String, ActionCompleted> completions = traffic.awaitCompletions(2, WAIT);
    assertThat(completions.values())
        .extracting(ActionCompleted::outcome)
        .containsOnly(ActionOutcome.SUCCEEDED);
    assertThat(traffic.ownRequests(graph)).hasSize(2);
  }

  @Test
  void aForgerWhoSendsTheActionIdFirstDoesNotBlockTheRealRequest() throws SQLException {
    ActionRequested real = traffic.request(7, ActionType.REVOKE_SESSIONS);
    ActionRequested forgery =
        new ActionRequested(
            real.schemaVersion(),
            real.eventId() + "-forged",
            real.actionId(),
            real.runId(),
            real.stepId(),
            real.account(),
            real.action(),
            real.parameters(),
            real.requestedAt(),
            null);
    traffic.send(forgery);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(ledgerRow(real.actionId()))
                    .containsEntry("reason_code", ReasonCode.UNVERIFIED_REQUEST.name()));

    traffic.send(real);

    ActionCompleted completed = traffic.awaitCompletions(1, WAIT).get(real.actionId());
    assertThat(completed.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(traffic.ownRequests(graph)).hasSize(1);
  }

  private double refusedCount() {
    return meters.find("cordon.actions.unverified").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static Map<String, String> ledgerRow(String actionId) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select state, outcome, reason_code, reason_message from remediation_action"
                    + " where action_id = ?")) {
      select.setString(1, actionId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Map.of();
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (String column : List.of("state", "outcome", "reason_code", "reason_message")) {
          values.put(column, String.valueOf(row.getString(column)));
        }
        return values;
      }
    }
  }

  /** "result reason-code" of each audit entry about the action. */
  private static List<String> auditResults(String actionId) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select result, reason from audit_entry where action = 'graph-action.refused'"
                    + " and correlation_id = ?")) {
      select.setString(1, actionId);
      try (ResultSet rows = select.executeQuery()) {
        List<String> results = new java.util.ArrayList<>();
        while (rows.next()) {
          results.add(rows.getString(1) + " " + rows.getString(2).split(":")[0]);
        }
        return results;
      }
    }
  }
}
