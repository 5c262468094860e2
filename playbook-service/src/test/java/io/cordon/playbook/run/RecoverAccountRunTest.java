package io.cordon.playbook.run;

import static io.cordon.playbook.run.Runs.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReportSource;
import io.cordon.contracts.Severity;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code recover-account}: a way back in (a Temporary Access Pass, then the user's
 * risk dismissed) only for accounts already contained in the incident, leaving their containment as
 * it is.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(RemoteServices.class)
class RecoverAccountRunTest {
  RemoteServices remote;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void recoveryFollowsContainmentAndLeavesItAsItIs() {
    // object ids are GUIDs (POST /runs takes nothing else); the responder answers this prefix
    String prefix = UUID.randomUUID().toString().substring(0, 32);
    String incidentId = "INC-" + prefix;
    List<ResolvedAccount> accounts =
        List.of(Accounts.account(prefix, 1), Accounts.account(prefix, 2));
    ResolvedAccount stranger = Accounts.account(prefix, 4);
    try (TestResponder responder =
            TestResponder.start(prefix, request -> TestResponder.Answer.succeeded());
        KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      CompromiseReported report =
          CompromiseReported.chunked(
                  "rep-" + prefix,
                  new IncidentRef(incidentId, "Leaked VPN credentials", Severity.HIGH),
                  accounts,
                  "revoke-only",
                  ReportSource.CSV,
                  RESPONDER,
                  TestJwt.identityOf(RESPONDER),
                  Instant.now(),
                  false)
              .get(0);
      kafka.send(Topics.COMPROMISE_REPORTS, report.reportId(), EventJson.write(report));
      await().atMost(WAIT).until(() -> "CONTAINED".equals(incidentState(incidentId)));

      // an account not contained in the incident gets no way back in
      Runs.as(RESPONDER, TestJwt.RESPONDER)
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "playbook",
                  "recover-account",
                  "incidentId",
                  incidentId,
                  "accounts",
                  List.of(accounts.get(0).objectId(), stranger.objectId())))
          .post("/api/v1/runs")
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("accounts[1]"));

      // account-service reads the accounts from the directory and publishes them as a report
      String reportId = UUID.randomUUID().toString();
      remote.accountService.stubFor(
          WireMock.post(WireMock.urlPathEqualTo("/api/v1/compromise-reports"))
              .withRequestBody(
                  WireMock.matchingJsonPath("$.incident.id", WireMock.equalTo(incidentId)))
              .willReturn(
                  WireMock.aResponse()
                      .withStatus(202)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"reportId\":\""
                              + reportId
                              + "\",\"accepted\":2,\"rejected\":[],\"duplicates\":0}")));
      Runs.as(RESPONDER, TestJwt.RESPONDER)
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "playbook",
                  "recover-account",
                  "incidentId",
                  incidentId,
                  "accounts",
                  accounts.stream().map(ResolvedAccount::objectId).toList()))
          .post("/api/v1/runs")
          .then()
          .statusCode(202);
      Runs.publishReport(reportId, "recover-account", incidentId, accounts);
      String runId = io.cordon.contracts.events.EventIds.derived("run", reportId);
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));

      for (ResolvedAccount account : accounts) {
        List<ActionType> asked =
            responder.requests().stream()
                .filter(r -> r.runId().equals(runId))
                .filter(r -> r.account().objectId().equals(account.objectId()))
                .map(ActionRequested::action)
                .toList();
        assertThat(asked)
            .containsExactly(ActionType.ISSUE_TEMPORARY_ACCESS_PASS, ActionType.DISMISS_RISK);
      }
      assertThat(
              responder.requests().stream()
                  .filter(r -> r.account().objectId().equals(stranger.objectId())))
          .isEmpty();
      Runs.asViewer()
          .get("/api/v1/incidents/" + incidentId)
          .then()
          .statusCode(200)
          .body("state", equalTo("CONTAINED"))
          .body("accounts.CONTAINED", equalTo(2));
      Runs.asViewer()
          .get("/api/v1/incidents/" + incidentId + "/accounts")
          .then()
          .statusCode(200)
          .body("items.runId", org.hamcrest.Matchers.everyItem(equalTo(runOf(report))));
    }
  }

  private static String runOf(CompromiseReported report) {
    return io.cordon.contracts.events.EventIds.derived("run", report.reportId());
  }

  private static String incidentState(String incidentId) {
    var response = Runs.asViewer().get("/api/v1/incidents/" + incidentId);
    return response.statusCode() == 200 ? response.jsonPath().getString("state") : null;
  }
}
