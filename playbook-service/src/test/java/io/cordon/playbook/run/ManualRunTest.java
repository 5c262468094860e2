package io.cordon.playbook.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.cordon.playbook.run.Runs.RESPONDER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cordon.contracts.UserType;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /runs} takes object ids only and gets every fact about the accounts from
 * account-service (played by WireMock, its CompromiseReported by the test), never from the caller.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(RemoteServices.class)
class ManualRunTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REPORTS = "/api/v1/compromise-reports";
  private static final String PLAYBOOK =
      """
      name: test-manual-run
      steps:
        - id: disable
          action: DISABLE_ACCOUNT
          when: {privileged: true}
          approval: {role: approver, timeout: 1h, onTimeout: fail}
      """;

  RemoteServices remote;

  /** account-service accepting a report of this incident as report {@code reportId}. */
  private void accountServiceAccepts(String incident, String reportId, int accepted) {
    remote.accountService.stubFor(
        post(urlPathEqualTo(REPORTS))
            .withRequestBody(matchingJsonPath("$.incident.id", equalTo(incident)))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"reportId\":\""
                            + reportId
                            + "\",\"accepted\":"
                            + accepted
                            + ",\"rejected\":[],\"duplicates\":0}")));
  }

  private static ExtractableResponse<Response> startRun(
      String token, Map<String, Object> body, int status) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/runs")
        .then()
        .statusCode(status)
        .extract();
  }

  private List<LoggedRequest> reportsOf(String incident) {
    return remote.accountService.findAll(
        postRequestedFor(urlPathEqualTo(REPORTS))
            .withRequestBody(matchingJsonPath("$.incident.id", equalTo(incident))));
  }

  @Test
  void aRunOfObjectIdsActsOnTheFactsTheDirectoryGave() throws Exception {
    Runs.putPlaybook(PLAYBOOK);
    String incident = "INC-manual-" + UUID.randomUUID();
    String reportId = UUID.randomUUID().toString();
    String objectId = UUID.randomUUID().toString();
    accountServiceAccepts(incident, reportId, 1);
    String token = TestJwt.token(RESPONDER, TestJwt.RESPONDER);

    ExtractableResponse<Response> started =
        startRun(
            token,
            Map.of(
                "playbook",
                "test-manual-run",
                "incidentId",
                incident,
                "accounts",
                List.of(objectId.toUpperCase())),
            202);

    String runId = EventIds.derived("run", reportId);
    assertThat(started.header("Location")).endsWith("/api/v1/runs/" + runId);
    JsonPath run = started.jsonPath();
    assertThat(run.getString("id")).isEqualTo(runId);
    assertThat(run.getString("reportId")).isEqualTo(reportId);
    assertThat(run.getString("state")).isEqualTo("PENDING");
    assertThat(run.getString("stateReason")).contains("account-service", reportId);
    assertThat(run.getString("startedBy")).isEqualTo(RESPONDER);
    // account-service got the object id only, and the caller's own token
    LoggedRequest report = reportsOf(incident).get(0);
    assertThat(report.getHeader("Authorization")).isEqualTo("Bearer " + token);
    assertThat(report.containsHeader("Idempotency-Key")).isFalse();
    JsonNode body = JSON.readTree(report.getBodyAsString());
    assertThat(body.path("accounts").toString()).isEqualTo("[{\"objectId\":\"" + objectId + "\"}]");
    assertThat(body.path("playbook").asText()).isEqualTo("test-manual-run");

    // account-service read the account from Graph: a Global Administrator, whatever anyone said
    ResolvedAccount directory =
        new ResolvedAccount(
            objectId,
            "ciso@jaxa.example",
            "t-jaxa",
            UserType.MEMBER,
            false,
            true,
            List.of("Global Administrator"),
            List.of());
    Runs.publishReport(reportId, "test-manual-run", incident, List.of(directory));

    await().atMost(WAIT).until(() -> "WAITING_APPROVAL".equals(Runs.state(runId)));
    JsonPath approvals =
        Runs.asViewer()
            .queryParam("run", runId)
            .get("/api/v1/approvals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(approvals.getList("items[0].accounts.userPrincipalName"))
        .containsExactly("ciso@jaxa.example");
    assertThat(approvals.getList("items[0].accounts[0].privilegedRoles"))
        .containsExactly("Global Administrator");
    assertThat(approvals.getString("items[0].startedById"))
        .isEqualTo(TestJwt.identityOf(RESPONDER));
    assertThat(Runs.run(runId).getString("stateReason")).isNull();
  }

  @Test
  void factsInTheBodyAreRefusedAndNothingIsReported() {
    String incident = "INC-labelled-" + UUID.randomUUID();
    String globalAdmin = UUID.randomUUID().toString();

    Runs.as(RESPONDER, TestJwt.RESPONDER)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "incidentId",
                incident,
                "accounts",
                List.of(
                    Map.of(
                        "objectId",
                        globalAdmin,
                        "userPrincipalName",
                        "intern@jaxa.example",
                        "privilegedRoles",
                        List.of()),
                    "intern@jaxa.example",
                    Map.of("objectId", "7"),
                    globalAdmin.toUpperCase())))
        .post("/api/v1/runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            hasItems(
                "accounts[0].userPrincipalName",
                "accounts[0].privilegedRoles",
                "accounts[1]",
                "accounts[2].objectId"))
        .body(
            "errors.find { it.field == 'accounts[0].userPrincipalName' }.reason",
            containsString("read from the directory"))
        .body("errors.find { it.field == 'accounts[1]' }.reason", containsString("object id"));
    // the same object id twice, in two spellings, is one account named twice
    Runs.as(RESPONDER, TestJwt.RESPONDER)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "incidentId",
                incident,
                "accounts",
                List.of(globalAdmin, globalAdmin.toUpperCase())))
        .post("/api/v1/runs")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("accounts[1]"))
        .body("errors.reason", hasItem(containsString("duplicate")));

    assertThat(reportsOf(incident)).isEmpty();
    Runs.asViewer()
        .queryParam("incident", incident)
        .get("/api/v1/runs")
        .then()
        .statusCode(200)
        .body("items.size()", is(0));
  }

  @Test
  void aRunNoneOfWhoseAccountsResolvedFailsSayingSo() {
    Runs.putPlaybook(PLAYBOOK);
    String incident = "INC-ghost-" + UUID.randomUUID();
    String reportId = UUID.randomUUID().toString();
    accountServiceAccepts(incident, reportId, 1);

    String runId =
        startRun(
                TestJwt.token(RESPONDER, TestJwt.RESPONDER),
                Map.of(
                    "playbook",
                    "test-manual-run",
                    "incidentId",
                    incident,
                    "accounts",
                    List.of(Map.of("objectId", UUID.randomUUID().toString()))),
                202)
            .path("id");
    // the directory knows no such user: account-service publishes the report without accounts
    Runs.publishReport(reportId, "test-manual-run", incident, List.of());

    await().atMost(WAIT).until(() -> "FAILED".equals(Runs.state(runId)));
    JsonPath run = Runs.run(runId);
    assertThat(run.getString("stateReason"))
        .contains("none of the report's accounts resolved", reportId);
    assertThat(run.getInt("accounts")).isZero();
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameRun() {
    Runs.putPlaybook(PLAYBOOK);
    String incident = "INC-retry-" + UUID.randomUUID();
    String reportId = UUID.randomUUID().toString();
    // account-service gives a replayed delivery its first report back
    accountServiceAccepts(incident, reportId, 1);
    Map<String, Object> body =
        Map.of("incidentId", incident, "accounts", List.of(UUID.randomUUID().toString()));

    String first = retry(body, "key-" + reportId);
    String second = retry(body, "key-" + reportId);

    assertThat(second).isEqualTo(first).isEqualTo(EventIds.derived("run", reportId));
    assertThat(reportsOf(incident))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly("key-" + reportId);
  }

  private static String retry(Map<String, Object> body, String key) {
    return Runs.as(RESPONDER, TestJwt.RESPONDER)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/runs")
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  @Test
  void whatAccountServiceRefusesOrCannotTakeStartsNothing() {
    String refused = "INC-refused-" + UUID.randomUUID();
    remote.accountService.stubFor(
        post(urlPathEqualTo(REPORTS))
            .withRequestBody(matchingJsonPath("$.incident.id", equalTo(refused)))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"type\":\"urn:cordon:problem:validation-failed\",\"status\":400,"
                            + "\"detail\":\"Idempotency-Key: too long\",\"errors\":"
                            + "[{\"field\":\"Idempotency-Key\",\"reason\":\"too long\"}]}")));
    String down = "INC-down-" + UUID.randomUUID();
    remote.accountService.stubFor(
        post(urlPathEqualTo(REPORTS))
            .withRequestBody(matchingJsonPath("$.incident.id", equalTo(down)))
            .willReturn(aResponse().withStatus(503)));
    String none = "INC-none-" + UUID.randomUUID();
    remote.accountService.stubFor(
        post(urlPathEqualTo(REPORTS))
            .withRequestBody(matchingJsonPath("$.incident.id", equalTo(none)))
            .willReturn(
                okJson(
                    "{\"reportId\":\""
                        + UUID.randomUUID()
                        + "\",\"accepted\":0,\"rejected\":[{\"input\":\"accounts[0]\","
                        + "\"reason\":\"not an account\"}],\"duplicates\":0}")));
    String token = TestJwt.token(RESPONDER, TestJwt.RESPONDER);
    List<String> objectIds = List.of(UUID.randomUUID().toString());

    startRun(token, Map.of("incidentId", refused, "accounts", objectIds), 422)
        .response()
        .then()
        .contentType("application/problem+json")
        .body("detail", containsString("account-service refused"))
        .body("errors.field", hasItem("Idempotency-Key"));
    startRun(token, Map.of("incidentId", down, "accounts", objectIds), 503)
        .response()
        .then()
        .contentType("application/problem+json")
        .body("detail", containsString("nothing was started"));
    startRun(token, Map.of("incidentId", none, "accounts", objectIds), 422)
        .response()
        .then()
        .body("errors.field", hasItem("accounts[0]"));

    for (String incident : List.of(refused, down, none)) {
      Runs.asViewer()
          .queryParam("incident", incident)
          .get("/api/v1/runs")
          .then()
          .statusCode(200)
          .body("items.size()", is(0));
    }
  }

  @Test
  void aManualRunContainsAnAccountEvenWhenItIsAlreadyContained() {
    Runs.putPlaybook(PLAYBOOK);
    String incident = "INC-again-" + UUID.randomUUID();
    String objectId = UUID.randomUUID().toString();
    ResolvedAccount directory =
        new ResolvedAccount(
            objectId,
            "staff@jaxa.example",
            "t-jaxa",
            UserType.MEMBER,
            false,
            true,
            List.of(),
            List.of());
    // a report contains the account first
    String firstRun = Runs.start("test-manual-run", incident, List.of(directory));
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(firstRun)));
    assertThat(Runs.run(firstRun).getInt("accounts")).isEqualTo(1);

    // a responder's POST /runs is their own decision: the account is contained again, not attached
    String reportId = UUID.randomUUID().toString();
    accountServiceAccepts(incident, reportId, 1);
    startRun(
        TestJwt.token(RESPONDER, TestJwt.RESPONDER),
        Map.of(
            "playbook", "test-manual-run", "incidentId", incident, "accounts", List.of(objectId)),
        202);
    Runs.publishReport(reportId, "test-manual-run", incident, List.of(directory));

    String runId = EventIds.derived("run", reportId);
    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));
    assertThat(Runs.run(runId).getInt("accounts")).isEqualTo(1);
  }
}
