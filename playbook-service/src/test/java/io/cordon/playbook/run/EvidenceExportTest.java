package io.cordon.playbook.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import io.cordon.commons.audit.AuditAnchor;
import io.cordon.commons.audit.AuditAnchors;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The incident evidence export: a real finished run (with an approval) in this service, and
 * account-service and notification-service played by WireMock.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(RemoteServices.class)
class EvidenceExportTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String APPROVAL_COMMENT = "checked the sign-in logs";

  RemoteServices remote;
  @Inject AuditAnchors anchors;

  @Test
  void exportJoinsRunsApprovalsReportsGraphActionsAndNotices() throws Exception {
    String prefix = "evidence-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String incident = "INC-" + prefix;
    String runId = finishedRunWithApproval(prefix, incident);
    stubAccountService(incident);
    stubNotificationService(incident);
    String viewerToken = TestJwt.token("carol@jaxa.example", TestJwt.VIEWER);
    AuditAnchor anchor = anchors.publishHead().get(30, TimeUnit.SECONDS);

    JsonPath evidence =
        given()
            .auth()
            .oauth2(viewerToken)
            .get("/api/v1/incidents/" + incident + "/evidence")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .extract()
            .jsonPath();

    assertThat(evidence.getBoolean("complete")).isTrue();
    assertThat(evidence.getLong("auditAnchor.seq")).isGreaterThanOrEqualTo(anchor.seq());
    assertThat(evidence.getString("auditAnchor.service")).isEqualTo("playbook-service");
    assertThat(evidence.getString("auditAnchor.signature")).isNotBlank();
    assertThat(evidence.getString("generatedBy")).isEqualTo("carol@jaxa.example");
    assertThat(evidence.getString("runs[0].id")).isEqualTo(runId);
    assertThat(evidence.getString("runs[0].state")).isEqualTo("SUCCEEDED");
    assertThat(evidence.getString("runs[0].startedBy")).isEqualTo(Runs.RESPONDER);
    assertThat(evidence.getList("runs[0].accounts")).hasSize(2);
    assertThat(evidence.getList("runs[0].accounts[0].steps.stepId"))
        .containsExactly("revoke", "disable");
    assertThat(evidence.getList("runs[0].accounts.steps.flatten().state"))
        .containsOnly("SUCCEEDED");
    assertThat(evidence.getString("runs[0].accounts[0].userPrincipalName")).contains("@");
    assertThat(evidence.getString("runs[0].approvals[0].decidedBy")).isEqualTo(Runs.APPROVER);
    assertThat(evidence.getString("runs[0].approvals[0].comment")).isEqualTo(APPROVAL_COMMENT);
    assertThat(evidence.getList("reports.action")).containsExactly("report.submitted");
    assertThat(evidence.getList("graphActions.action")).containsExactly("graph-action.completed");
    assertThat(evidence.getString("notices[0].partnerName")).isEqualTo("Toyota SOC");
    assertThat(evidence.getList("notices[0].deliveries[0].attempts")).hasSize(2);

    List<Map<String, Object>> timeline = evidence.getList("timeline");
    assertThat(timeline)
        .extracting(e -> e.get("service"))
        .contains("playbook-service", "account-service", "notification-service");
    assertThat(timeline)
        .filteredOn(e -> "approval.decided".equals(e.get("action")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("actor")).isEqualTo(Runs.APPROVER);
              assertThat(e.get("actorRoles")).isEqualTo("approver");
              assertThat(e.get("reason")).isEqualTo(APPROVAL_COMMENT);
            });
    // a run starts from the report account-service resolved: the service starts it, on behalf of
    // the reporter (the run's startedBy; account-service's report.submitted names them as actor)
    assertThat(timeline)
        .filteredOn(e -> "run.started".equals(e.get("action")))
        .singleElement()
        .satisfies(e -> assertThat(e.get("actor")).isEqualTo("playbook-service"));
    assertThat(timeline).extracting(e -> java.time.Instant.parse((String) e.get("at"))).isSorted();

    // the caller's own token went to both services, nothing else
    remote.accountService.verify(
        getRequestedFor(urlPathEqualTo("/api/v1/audit"))
            .withHeader("Authorization", equalTo("Bearer " + viewerToken)));
    remote.notificationService.verify(
        getRequestedFor(urlPathEqualTo("/api/v1/notifications"))
            .withHeader("Authorization", equalTo("Bearer " + viewerToken)));
  }

  @Test
  void anUnreachableServiceIsNamedAndTheRestIsExported() {
    String incident = "INC-down-" + UUID.randomUUID();
    stubAccountService(incident);
    remote.notificationService.stubFor(
        get(urlPathEqualTo("/api/v1/notifications"))
            .withQueryParam("incident", equalTo(incident))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    remote.notificationService.stubFor(
        get(urlPathEqualTo("/api/v1/audit"))
            .withQueryParam("incident", equalTo(incident))
            .willReturn(aResponse().withStatus(503)));

    JsonPath evidence =
        Runs.asViewer()
            .get("/api/v1/incidents/" + incident + "/evidence")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(evidence.getBoolean("complete")).isFalse();
    assertThat(evidence.getList("missing.service")).containsOnly("notification-service").hasSize(2);
    assertThat(evidence.getList("missing.reason")).contains("answered HTTP 503");
    assertThat(evidence.getList("reports.action")).containsExactly("report.submitted");
  }

  @Test
  void csvByAcceptHeaderOrFormatParameter() {
    String incident = "INC-csv-" + UUID.randomUUID();
    stubAccountService(incident);
    stubNotificationService(incident);

    String byAccept =
        Runs.asViewer()
            .accept("text/csv")
            .get("/api/v1/incidents/" + incident + "/evidence")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();
    String byFormat =
        Runs.asViewer()
            .queryParam("format", "csv")
            .get("/api/v1/incidents/" + incident + "/evidence")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();

    for (String csv : List.of(byAccept, byFormat)) {
      List<String> lines = csv.lines().toList();
      assertThat(lines.get(0)).startsWith("at,service,seq,kind,action,actor");
      assertThat(lines)
          .anyMatch(line -> line.contains(",account-service,") && line.contains("report.submitted"))
          .anyMatch(line -> line.contains("notice.opened"));
    }
  }

  @Test
  void badFormatIsAProblemAndApproversMayNotExport() {
    Runs.asViewer()
        .queryParam("format", "xml")
        .get("/api/v1/incidents/INC-1/evidence")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
    Runs.as(Runs.APPROVER, TestJwt.APPROVER)
        .get("/api/v1/incidents/INC-1/evidence")
        .then()
        .statusCode(403);
  }

  @Test
  void aResponderExportsEveryRunAccountAndEvidenceOfTheIncidentWithItsDigest() throws Exception {
    String prefix = "whole-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String incident = "INC-" + prefix;
    Runs.putPlaybook(
        """
        name: test-evidence-whole
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
        """);
    String first;
    String second;
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      first =
          Runs.start(
              "test-evidence-whole",
              incident,
              List.of(Accounts.account(prefix, 1), Accounts.account(prefix, 2)));
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(first)));
      second = Runs.start("test-evidence-whole", incident, List.of(Accounts.account(prefix, 3)));
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(second)));
    }
    stubAccountService(incident);
    stubNotificationService(incident);
    String responderToken = TestJwt.token(Runs.RESPONDER, TestJwt.RESPONDER);

    await()
        .atMost(WAIT)
        .until(
            () ->
                given()
                    .auth()
                    .oauth2(responderToken)
                    .get("/api/v1/incidents/" + incident + "/evidence")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("accounts.state")
                    .equals(List.of("CONTAINED", "CONTAINED", "CONTAINED")));
    io.restassured.response.Response answer =
        given().auth().oauth2(responderToken).get("/api/v1/incidents/" + incident + "/evidence");
    answer.then().statusCode(200).contentType(ContentType.JSON);
    JsonPath evidence = answer.jsonPath();

    assertThat(evidence.getBoolean("complete")).as(answer.asString()).isTrue();
    assertThat(evidence.getString("generatedBy")).isEqualTo(Runs.RESPONDER);
    assertThat(evidence.getList("runs.id")).containsExactly(first, second);
    assertThat(evidence.getString("incident.id")).isEqualTo(incident);
    assertThat(evidence.getString("incident.state")).isEqualTo("CONTAINED");
    assertThat(evidence.getList("accounts.objectId"))
        .containsExactly(prefix + "0001", prefix + "0002", prefix + "0003");
    assertThat(evidence.getList("accounts.runId")).containsExactly(first, first, second);
    assertThat(evidence.getList("accountEvidence.disposition"))
        .containsExactly("CONTAINING", "CONTAINING", "CONTAINING");
    assertThat(evidence.getList("accountEvidence.runId")).containsExactly(first, first, second);
    assertThat(evidence.getList("releases")).isEmpty();
    // the digest covers exactly the bytes sent, so a copy handed on can be checked
    assertThat(answer.header("Content-Digest"))
        .isEqualTo(
            "sha-256=:"
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        java.security.MessageDigest.getInstance("SHA-256")
                            .digest(answer.asByteArray()))
                + ":");
    io.restassured.response.Response csv =
        given()
            .auth()
            .oauth2(responderToken)
            .queryParam("format", "csv")
            .get("/api/v1/incidents/" + incident + "/evidence");
    csv.then().statusCode(200).contentType("text/csv");
    assertThat(csv.header("Content-Digest"))
        .isEqualTo(
            "sha-256=:"
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        java.security.MessageDigest.getInstance("SHA-256")
                            .digest(csv.asByteArray()))
                + ":");

    // the responder's own token read the other services' audit of this incident
    remote.accountService.verify(
        getRequestedFor(urlPathEqualTo("/api/v1/audit"))
            .withHeader("Authorization", equalTo("Bearer " + responderToken)));
  }

  @Test
  void aResponderReadsTheAuditOfOneIncidentOrRunButNotTheWholeLog() {
    Runs.as(Runs.RESPONDER, TestJwt.RESPONDER)
        .get("/api/v1/audit")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    Runs.as(Runs.RESPONDER, TestJwt.RESPONDER)
        .queryParam("incident", "INC-1")
        .get("/api/v1/audit")
        .then()
        .statusCode(200);
    Runs.as(Runs.RESPONDER, TestJwt.RESPONDER)
        .queryParam("run", "run-1")
        .get("/api/v1/audit")
        .then()
        .statusCode(200);
    Runs.as(Runs.RESPONDER, TestJwt.RESPONDER).get("/api/v1/audit/verify").then().statusCode(403);
    Runs.as(Runs.APPROVER, TestJwt.APPROVER)
        .queryParam("incident", "INC-1")
        .get("/api/v1/audit")
        .then()
        .statusCode(403);
  }

  private String finishedRunWithApproval(String prefix, String incident) {
    Runs.putPlaybook(
        """
        name: test-evidence
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: disable
            action: DISABLE_ACCOUNT
            approval: {role: approver, timeout: 1h, onTimeout: fail}
        """);
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId =
          Runs.start(
              "test-evidence",
              incident,
              List.of(Accounts.account(prefix, 1), Accounts.account(prefix, 2)));
      await().atMost(WAIT).until(() -> "WAITING_APPROVAL".equals(Runs.state(runId)));
      String approvalId =
          Runs.asViewer()
              .queryParam("state", "pending")
              .queryParam("run", runId)
              .get("/api/v1/approvals")
              .then()
              .statusCode(200)
              .extract()
              .path("items[0].id");
      Runs.decide(
              Runs.as(Runs.APPROVER, TestJwt.APPROVER),
              runId,
              approvalId,
              "approve",
              APPROVAL_COMMENT)
          .statusCode(200);
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));
      return runId;
    }
  }

  private void stubAccountService(String incident) {
    remote.accountService.stubFor(
        get(urlPathEqualTo("/api/v1/audit"))
            .withQueryParam("incident", equalTo(incident))
            .willReturn(
                okJson(
                    page(
                        entry(
                            1,
                            "2026-01-01T00:00:00Z",
                            "report",
                            "report.submitted",
                            "rita@jaxa.example",
                            incident)))));
    remote.accountService.stubFor(
        get(urlPathEqualTo("/api/v1/audit"))
            .withQueryParam("run", matching(".+"))
            .willReturn(
                okJson(
                    page(
                        entry(
                            2,
                            "2099-01-01T00:00:00Z",
                            "graph-action",
                            "graph-action.completed",
                            "account-service",
                            null)))));
  }

  private void stubNotificationService(String incident) {
    remote.notificationService.stubFor(
        get(urlPathEqualTo("/api/v1/notifications"))
            .withQueryParam("incident", equalTo(incident))
            .willReturn(
                okJson(
                    "{\"items\":[{\"id\":\"n-1\",\"partnerName\":\"Toyota SOC\",\"incidentId\":\""
                        + incident
                        + "\",\"deliveries\":[{\"channel\":\"WEBHOOK\",\"status\":\"DELIVERED\","
                        + "\"attempts\":[{\"number\":1,\"outcome\":\"RETRYABLE\"},"
                        + "{\"number\":2,\"outcome\":\"DELIVERED\"}]}]}],\"next\":null}")));
    remote.notificationService.stubFor(
        get(urlPathEqualTo("/api/v1/audit"))
            .withQueryParam("incident", equalTo(incident))
            .willReturn(
                okJson(
                    page(
                        entry(
                            7,
                            "2099-01-01T00:00:01Z",
                            "notice",
                            "notice.opened",
                            "notification-service",
                            incident)))));
  }

  private static String page(String item) {
    return "{\"items\":[" + item + "],\"next\":null}";
  }

  private static String entry(
      long seq, String at, String kind, String action, String actor, String incident) {
    return "{\"seq\":"
        + seq
        + ",\"id\":\""
        + UUID.randomUUID()
        + "\",\"at\":\""
        + at
        + "\",\"actor\":{\"type\":\"PRINCIPAL\",\"name\":\""
        + actor
        + "\"},\"kind\":\""
        + kind
        + "\",\"action\":\""
        + action
        + "\",\"subject\":\"s\","
        + (incident == null ? "" : "\"incidentId\":\"" + incident + "\",")
        + "\"result\":\"OK\",\"correlationId\":\"c\",\"prevHash\":\"p\",\"hash\":\"h\"}";
  }
}
