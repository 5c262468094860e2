package io.cordon.playbook.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/plans} and {@code POST /runs?dryRun=true}: what a run would do per account,
 * from account-service's dry run (reads only), with no run, approval or action.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(RemoteServices.class)
class PlanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REPORTS = "/api/v1/compromise-reports";
  private static final String RESPONDER =
      TestJwt.token("rita.responder@jaxa.example", TestJwt.RESPONDER);
  private static final String PLAYBOOK =
      """
      name: test-plan
      steps:
        - id: revoke
          action: REVOKE_SESSIONS
        - id: reset
          action: RESET_PASSWORD
        - id: disable
          action: DISABLE_ACCOUNT
          when: {privileged: true}
          approval: {role: approver, timeout: 1h, onTimeout: fail}
      """;

  RemoteServices remote;

  @Test
  void aPlanShowsPerAccountWhatWouldRunAndStartsNothing() {
    Runs.putPlaybook(PLAYBOOK);
    String incident = "INC-PLAN-" + UUID.randomUUID();
    String member = "44444444-0000-4000-8000-000000000001";
    String admin = "44444444-0000-4000-8000-000000000002";
    String breakGlass = "44444444-0000-4000-8000-000000000003";
    String synced = "44444444-0000-4000-8000-000000000004";
    ObjectNode answer = JSON.createObjectNode().put("dryRun", true).put("accepted", 5);
    answer.putArray("rejected").addObject().put("input", "x").put("reason", "not an account");
    answer.put("duplicates", 0);
    ArrayNode accounts = answer.putArray("accounts");
    resolved(accounts, member, false, List.of(), null);
    resolved(accounts, admin, false, List.of("Global Administrator"), null);
    resolved(accounts, breakGlass, false, List.of("Global Administrator"), "break-glass 1");
    resolved(accounts, synced, true, List.of(), null);
    accounts
        .addObject()
        .put("input", "ghost@jaxa.example")
        .put("resolution", "USER_NOT_FOUND")
        .put("reason", "Graph does not know this account");
    ObjectNode access = answer.putObject("graphAccess");
    access.putArray("permissions").add("User.ReadWrite.All");
    access.putArray("directoryRoles").add("User Administrator");
    access.put("checkedAt", Instant.now().toString());
    accountServiceAnswers(incident, answer);

    JsonPath plan =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "playbook",
                    "test-plan",
                    "incidentId",
                    incident,
                    "accounts",
                    List.of(member, admin, breakGlass, synced, UUID.randomUUID().toString())))
            .post("/api/v1/plans")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(plan.getBoolean("dryRun")).isTrue();
    assertThat(plan.getString("playbook")).isEqualTo("test-plan");
    assertThat(plan.getList("protectedAccounts")).containsExactly(breakGlass);
    // the admin's reset and disable would fail for want of a directory role: the run would stop
    assertThat(plan.getBoolean("wouldStart")).isFalse();
    assertThat(plan.getString("preflight"))
        .contains("step reset (1 privileged account(s))")
        .contains("Privileged Authentication Administrator or Global Administrator");
    assertThat(plan.getList("missing")).hasSize(2);
    assertThat(steps(plan, member)).containsExactly("RUN", "RUN", "SKIP");
    assertThat(steps(plan, admin)).containsExactly("RUN", "FAIL", "FAIL");
    assertThat(steps(plan, breakGlass))
        .containsExactly("REQUIRES_MANUAL", "REQUIRES_MANUAL", "REQUIRES_MANUAL");
    assertThat(steps(plan, synced)).containsExactly("RUN", "REQUIRES_MANUAL", "SKIP");
    assertThat(plan.getString("accounts.find { it.input == 'ghost@jaxa.example' }.resolution"))
        .isEqualTo("USER_NOT_FOUND");
    assertThat(plan.getString("rejected[0].reason")).isEqualTo("not an account");

    // the caller's dry run went to account-service as one, and nothing was started here
    assertThat(
            remote.accountService.findAll(
                postRequestedFor(urlPathEqualTo(REPORTS))
                    .withQueryParam("dryRun", equalTo("true"))
                    .withRequestBody(matchingJsonPath("$.incident.id", equalTo(incident)))))
        .hasSize(1);
    Runs.asViewer()
        .queryParam("incident", incident)
        .get("/api/v1/runs")
        .then()
        .statusCode(200)
        .body("items", Matchers.empty());
  }

  @Test
  void withTheRoleGrantedTheApprovalsAreListedAndRunsDryRunAnswersTheSame() {
    Runs.putPlaybook(PLAYBOOK);
    String incident = "INC-PLAN-" + UUID.randomUUID();
    String admin = "44444444-0000-4000-8000-000000000012";
    ObjectNode answer = JSON.createObjectNode().put("dryRun", true).put("accepted", 1);
    answer.putArray("rejected");
    resolved(answer.putArray("accounts"), admin, false, List.of("Global Administrator"), null);
    ObjectNode access = answer.putObject("graphAccess");
    access.putArray("permissions").add("User.ReadWrite.All");
    access.putArray("directoryRoles").add("7be44c8a-adaf-4e2a-84d6-ab2649e08a13");
    access.put("checkedAt", Instant.now().toString());
    accountServiceAnswers(incident, answer);

    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .queryParam("dryRun", "true")
        .body(Map.of("playbook", "test-plan", "incidentId", incident, "accounts", List.of(admin)))
        .post("/api/v1/runs")
        .then()
        .statusCode(200)
        .body("wouldStart", Matchers.equalTo(true))
        .body("approvals[0].stepId", Matchers.equalTo("disable"))
        .body("approvals[0].role", Matchers.equalTo("approver"))
        .body("approvals[0].accounts", Matchers.equalTo(1))
        .body("accounts[0].steps.decision", Matchers.contains("RUN", "RUN", "AWAIT_APPROVAL"));
  }

  @Test
  void disablingDevicesWithoutTheAppsDeviceAdministratorRoleIsPlannedToFailForEveryAccount() {
    Runs.putPlaybook(
        """
        name: test-plan-devices
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: devices
            action: DISABLE_DEVICES
        """);
    String incident = "INC-PLAN-" + UUID.randomUUID();
    String member = "44444444-0000-4000-8000-000000000021";
    ObjectNode answer = JSON.createObjectNode().put("dryRun", true).put("accepted", 1);
    answer.putArray("rejected");
    resolved(answer.putArray("accounts"), member, false, List.of(), null);
    ObjectNode access = answer.putObject("graphAccess");
    access.putArray("permissions").add("User.ReadWrite.All").add("Device.ReadWrite.All");
    access.putArray("directoryRoles").add("Privileged Authentication Administrator");
    access.put("checkedAt", Instant.now().toString());
    accountServiceAnswers(incident, answer);

    JsonPath plan =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "playbook",
                    "test-plan-devices",
                    "incidentId",
                    incident,
                    "accounts",
                    List.of(member)))
            .post("/api/v1/plans")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // an ordinary member too: Update device needs the role of the app, whoever the user
    assertThat(plan.getBoolean("wouldStart")).isFalse();
    assertThat(plan.getString("preflight"))
        .contains("step devices")
        .contains("Cloud Device Administrator");
    assertThat(steps(plan, member)).containsExactly("RUN", "FAIL");
  }

  @Test
  void aReportsAccountAlreadyContainedInAnOpenIncidentIsNotPlannedAgainButARunsIs() {
    Runs.putPlaybook(PLAYBOOK);
    String prefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    io.cordon.contracts.events.ResolvedAccount contained =
        new io.cordon.contracts.events.ResolvedAccount(
            prefix + "0000-4000-8000-000000000001",
            "kept@jaxa.example",
            "t-jaxa",
            io.cordon.contracts.UserType.MEMBER,
            false,
            true,
            List.of(),
            List.of());
    String firstIncident = "INC-PLAN-FIRST-" + prefix;
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId = Runs.start("test-plan", firstIncident, List.of(contained));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(60))
          .until(() -> "SUCCEEDED".equals(Runs.state(runId)));
    }
    String incident = "INC-PLAN-" + UUID.randomUUID();
    ObjectNode answer = JSON.createObjectNode().put("dryRun", true).put("accepted", 1);
    answer.putArray("rejected");
    resolved(answer.putArray("accounts"), contained.objectId(), false, List.of(), null);
    accountServiceAnswers(incident, answer);

    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "playbook",
                "test-plan",
                "incident",
                Map.of("id", incident),
                "accounts",
                List.of(contained.objectId())))
        .post("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("accounts[0].steps.decision", Matchers.everyItem(Matchers.equalTo("SKIP")))
        .body("accounts[0].steps[0].reason", Matchers.equalTo("ALREADY_CONTAINED"))
        .body("accounts[0].steps[0].message", Matchers.containsString(firstIncident))
        .body("wouldStart", Matchers.equalTo(false));
    // a run started by hand contains it whatever its state
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "playbook",
                "test-plan",
                "incidentId",
                incident,
                "accounts",
                List.of(contained.objectId())))
        .post("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("accounts[0].steps[0].decision", Matchers.equalTo("RUN"));
  }

  @Test
  void badInputIsAProblemNamingTheField() {
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "playbook",
                "no-such-playbook",
                "incidentId",
                "INC-X",
                "accounts",
                List.of(UUID.randomUUID().toString())))
        .post("/api/v1/plans")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", Matchers.equalTo("playbook"));
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "playbook",
                "test-plan",
                "incidentId",
                "INC-X",
                "accounts",
                List.of("alice@jaxa.example")))
        .post("/api/v1/plans")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", Matchers.startsWith("accounts"));
    given()
        .auth()
        .oauth2(TestJwt.token("vic@jaxa.example", TestJwt.VIEWER))
        .contentType(ContentType.JSON)
        .body(Map.of("incidentId", "INC-X", "accounts", List.of(UUID.randomUUID().toString())))
        .post("/api/v1/plans")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  private static List<String> steps(JsonPath plan, String objectId) {
    return plan.getList("accounts.find { it.objectId == '" + objectId + "' }.steps.decision");
  }

  private static void resolved(
      ArrayNode accounts,
      String objectId,
      boolean synced,
      List<String> roles,
      String protectedWhy) {
    ObjectNode entry = accounts.addObject().put("input", objectId).put("resolution", "RESOLVED");
    ObjectNode account =
        entry
            .putObject("account")
            .put("objectId", objectId)
            .put("userPrincipalName", "u" + Math.abs(objectId.hashCode()) + "@jaxa.example")
            .put("tenantId", "t-jaxa")
            .put("userType", "MEMBER")
            .put("onPremisesSynced", synced)
            .put("accountEnabled", true);
    ArrayNode privileged = account.putArray("privilegedRoles");
    roles.forEach(privileged::add);
    account.putArray("groups");
    if (protectedWhy != null) {
      entry.put("protectedReason", protectedWhy);
    }
  }

  private void accountServiceAnswers(String incident, ObjectNode answer) {
    remote.accountService.stubFor(
        post(urlPathEqualTo(REPORTS))
            .withQueryParam("dryRun", equalTo("true"))
            .withRequestBody(matchingJsonPath("$.incident.id", equalTo(incident)))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(answer.toString())));
  }
}
