package io.cordon.playbook.run;

import static io.cordon.playbook.run.Runs.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.commons.audit.AuditAnchor;
import io.cordon.commons.audit.AuditAnchorKey;
import io.cordon.commons.audit.AuditAnchors;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReportSource;
import io.cordon.contracts.Severity;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.EventIds;
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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Incidents and containment-aware intake (docs/architecture.md, "Incidents and containment"): a
 * report opens an incident, its accounts' containment follows their runs, and later evidence about
 * a contained account is attached unless it shows activity after the containment.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class IncidentContainmentTest {
  @Inject AuditAnchors anchors;
  @Inject AuditAnchorKey anchorKey;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);

  private static String prefix(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private static void send(KafkaTestClient kafka, CompromiseReported report) {
    kafka.send(Topics.COMPROMISE_REPORTS, report.reportId(), EventJson.write(report));
  }

  private static CompromiseReported report(
      String reportId,
      String incidentId,
      List<ResolvedAccount> accounts,
      ReportSource source,
      boolean incidentInferred) {
    return CompromiseReported.chunked(
            reportId,
            new IncidentRef(incidentId, "Leaked VPN credentials", Severity.HIGH),
            accounts,
            "revoke-only",
            source,
            RESPONDER,
            TestJwt.identityOf(RESPONDER),
            Instant.now(),
            incidentInferred)
        .get(0);
  }

  private static ResolvedAccount withActivity(ResolvedAccount account, Instant activityAt) {
    return new ResolvedAccount(
        account.objectId(),
        account.userPrincipalName(),
        account.tenantId(),
        account.userType(),
        account.onPremisesSynced(),
        account.accountEnabled(),
        account.privilegedRoles(),
        account.groups(),
        activityAt);
  }

  private static String runOf(String reportId) {
    return EventIds.derived("run", reportId);
  }

  private static void awaitRun(String runId, String state) {
    await()
        .atMost(WAIT)
        .pollInterval(POLL)
        .until(
            () ->
                Runs.asViewer().get("/api/v1/runs/" + runId).statusCode() == 200
                    && state.equals(Runs.state(runId)));
  }

  private static JsonPath incident(String id) {
    return Runs.asViewer()
        .get("/api/v1/incidents/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void awaitIncident(String id, String state) {
    await()
        .atMost(WAIT)
        .pollInterval(POLL)
        .until(
            () ->
                Runs.asViewer().get("/api/v1/incidents/" + id).statusCode() == 200
                    && state.equals(incident(id).getString("state")));
  }

  private static JsonPath history(String objectIdOrUpn) {
    return Runs.asViewer()
        .get("/api/v1/accounts/" + objectIdOrUpn)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static long requestsFor(TestResponder responder, String objectId) {
    return responder.requests().stream()
        .filter(request -> request.account().objectId().equals(objectId))
        .count();
  }

  @Test
  void aReportOpensAnIncidentThatIsContainedOnceEveryAccountIs() {
    String prefix = prefix("inc");
    String incidentId = "INC-" + prefix;
    List<ResolvedAccount> accounts = Accounts.generate(prefix, 3);
    try (TestResponder responder =
            TestResponder.start(prefix, request -> TestResponder.Answer.succeeded());
        KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      send(kafka, report("rep-" + prefix, incidentId, accounts, ReportSource.CSV, false));

      awaitIncident(incidentId, "CONTAINED");
      JsonPath incident = incident(incidentId);
      assertThat(incident.getString("title")).isEqualTo("Leaked VPN credentials");
      assertThat(incident.getString("severity")).isEqualTo("HIGH");
      assertThat(incident.getInt("accounts.CONTAINED")).isEqualTo(3);
      assertThat(incident.getInt("accounts.IN_PROGRESS")).isZero();
      assertThat(incident.getString("openedAt")).isNotNull();
      assertThat(incident.getString("containedAt")).isNotNull();
      assertThat(incident.getList("reports.reportId")).containsExactly("rep-" + prefix);
      assertThat(incident.getList("runs.id")).containsExactly(runOf("rep-" + prefix));
    }

    JsonPath firstPage =
        Runs.asViewer()
            .queryParam("state", "contained")
            .queryParam("limit", 2)
            .get("/api/v1/incidents/" + incidentId + "/accounts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(firstPage.getList("items")).hasSize(2);
    assertThat(firstPage.getString("items[0].since")).isNotNull();
    JsonPath secondPage =
        Runs.asViewer()
            .queryParam("limit", 2)
            .queryParam("cursor", firstPage.getString("next"))
            .get("/api/v1/incidents/" + incidentId + "/accounts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(secondPage.getList("items")).hasSize(1);
    assertThat(secondPage.getString("next")).isNull();
    Runs.asViewer()
        .queryParam("state", "PARTIAL")
        .get("/api/v1/incidents/" + incidentId + "/accounts")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.empty());

    Runs.asViewer()
        .queryParam("state", "CONTAINED")
        .queryParam("limit", 1000)
        .get("/api/v1/incidents")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(incidentId));
    Runs.asViewer()
        .get("/api/v1/incidents/" + incidentId + "/timeline")
        .then()
        .statusCode(200)
        .body(
            "items.action",
            hasItems("incident.opened", "run.started", "evidence.containing", "incident.contained"))
        .body("items.action", org.hamcrest.Matchers.not(hasItem("step.changed")));
  }

  @Test
  void anAccountIsContainedWhileItsCleanUpWaitsAndWhatTheCleanUpLeavesIsItsFollowUp() {
    Runs.putPlaybook(
        """
        name: test-contain-then-clean
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: methods
            action: REMOVE_MFA_METHODS
            continueOnFailure: true
          - id: credentials
            action: REMOVE_APP_CREDENTIALS
            approval: {role: approver, timeout: 1h, onTimeout: fail}
        """);
    String prefix = prefix("followup");
    String incidentId = "INC-" + prefix;
    ResolvedAccount account = Accounts.account(prefix, 1);
    try (TestResponder responder =
        TestResponder.start(
            prefix,
            request ->
                request.action() == ActionType.REMOVE_MFA_METHODS
                    ? new TestResponder.Answer(
                        io.cordon.contracts.ActionOutcome.REQUIRES_MANUAL,
                        io.cordon.contracts.ReasonCode.NEEDS_REVIEW,
                        "for a person to remove (1): phone")
                    : TestResponder.Answer.succeeded())) {
      String runId = Runs.start("test-contain-then-clean", incidentId, List.of(account));
      awaitRun(runId, "WAITING_APPROVAL");

      // sessions are gone: contained, though the clean-up waits for an approver
      JsonPath waiting = history(account.objectId());
      assertThat(waiting.getString("incidents[0].account.state")).isEqualTo("CONTAINED");
      assertThat(waiting.getString("incidents[0].account.reason")).isEqualTo("CLEANUP_IN_PROGRESS");
      awaitIncident(incidentId, "CONTAINED");

      // cancelled before anyone approved: the clean-up is left for a person
      Runs.as(RESPONDER, TestJwt.RESPONDER)
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "the app owners remove the secret themselves"))
          .post("/api/v1/runs/" + runId + "/cancel")
          .then()
          .statusCode(200);
      await()
          .atMost(WAIT)
          .pollInterval(POLL)
          .until(
              () ->
                  "LEFT_FOR_MANUAL"
                      .equals(
                          history(account.objectId()).getString("incidents[0].account.reason")));
      assertThat(history(account.objectId()).getString("incidents[0].account.state"))
          .isEqualTo("CONTAINED");
      assertThat(responder.requests())
          .noneMatch(request -> request.action() == ActionType.REMOVE_APP_CREDENTIALS);
    }
  }

  @Test
  void evidenceAboutAContainedAccountIsAttachedUnlessItShowsLaterActivity() {
    String prefix = prefix("att");
    String incidentId = "INC-" + prefix;
    ResolvedAccount account = Accounts.account(prefix, 1);
    ResolvedAccount other = Accounts.account(prefix, 2);
    try (TestResponder responder =
            TestResponder.start(prefix, request -> TestResponder.Answer.succeeded());
        KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      send(kafka, report("csv-" + prefix, incidentId, List.of(account), ReportSource.CSV, false));
      awaitIncident(incidentId, "CONTAINED");
      Instant containedAt =
          Instant.parse(history(account.objectId()).getString("incidents[0].account.containedAt"));
      assertThat(requestsFor(responder, account.objectId())).isEqualTo(1);

      // a risk detection of sign-ins before the containment, naming no incident: it joins this
      // incident, is attached to the account, and nothing is sent to Graph
      String before = "risk-before-" + prefix;
      send(
          kafka,
          report(
              before,
              "risk-" + prefix,
              List.of(withActivity(account, containedAt.minusSeconds(120))),
              ReportSource.DETECTION,
              true));
      awaitRun(runOf(before), "SUCCEEDED");
      assertThat(Runs.run(runOf(before)).getString("incident.id")).isEqualTo(incidentId);
      assertThat(Runs.run(runOf(before)).getInt("accounts")).isZero();
      Runs.asViewer().get("/api/v1/incidents/risk-" + prefix).then().statusCode(404);

      // the responder's second CSV lists the account again, with no activity time: attached
      String relisted = "csv2-" + prefix;
      send(kafka, report(relisted, incidentId, List.of(account), ReportSource.CSV, false));
      awaitRun(runOf(relisted), "SUCCEEDED");
      assertThat(requestsFor(responder, account.objectId())).isEqualTo(1);
      assertThat(incident(incidentId).getString("state")).isEqualTo("CONTAINED");

      // activity after the containment contains it again, once, with the reason on record;
      // a new account in the same detection joins the incident
      String after = "risk-after-" + prefix;
      Instant lateActivity = Instant.now();
      assertThat(lateActivity).isAfter(containedAt);
      send(
          kafka,
          report(
              after,
              "risk2-" + prefix,
              List.of(withActivity(account, lateActivity), other),
              ReportSource.DETECTION,
              true));
      awaitRun(runOf(after), "SUCCEEDED");
      awaitIncident(incidentId, "CONTAINED");
      assertThat(requestsFor(responder, account.objectId())).isEqualTo(2);
      assertThat(requestsFor(responder, other.objectId())).isEqualTo(1);

      // the same late activity reported again is older than the new containment: attached
      String repeated = "risk-again-" + prefix;
      send(
          kafka,
          report(
              repeated,
              "risk3-" + prefix,
              List.of(withActivity(account, lateActivity)),
              ReportSource.DETECTION,
              true));
      awaitRun(runOf(repeated), "SUCCEEDED");
      assertThat(requestsFor(responder, account.objectId())).isEqualTo(2);
      assertThat(
              responder.requests().stream()
                  .filter(request -> request.account().objectId().equals(account.objectId()))
                  .map(request -> request.action()))
          .containsOnly(ActionType.REVOKE_SESSIONS);
    }

    JsonPath story = history(account.userPrincipalName().toUpperCase());
    assertThat(story.getString("objectId")).isEqualTo(account.objectId());
    assertThat(story.getString("incidents[0].incidentId")).isEqualTo(incidentId);
    assertThat(story.getString("incidents[0].account.state")).isEqualTo("CONTAINED");
    assertThat(story.getString("incidents[0].account.reason"))
        .isEqualTo("ACTIVITY_AFTER_CONTAINMENT");
    assertThat(story.getList("evidence.disposition"))
        .containsExactly("CONTAINING", "ATTACHED", "ATTACHED", "RECONTAINING", "ATTACHED");
    assertThat(story.getList("evidence.reason"))
        .containsExactly(null, null, null, "ACTIVITY_AFTER_CONTAINMENT", null);
    assertThat(story.getList("evidence.incidentId")).containsOnly(incidentId);
    assertThat(story.getList("actions.state")).containsExactly("SUCCEEDED", "SUCCEEDED");
    assertThat(story.getList("actions.runId"))
        .containsExactly(runOf("csv-" + prefix), runOf("risk-after-" + prefix));
    Runs.asViewer()
        .get("/api/v1/incidents/" + incidentId + "/timeline")
        .then()
        .statusCode(200)
        .body("items.action", hasItems("evidence.attached", "evidence.recontaining"));
  }

  @Test
  void aResponderClosesAnIncidentWithAReason() {
    String prefix = prefix("close");
    String incidentId = "INC-" + prefix;
    try (TestResponder responder =
            TestResponder.start(prefix, request -> TestResponder.Answer.succeeded());
        KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      send(
          kafka,
          report(
              "rep-" + prefix,
              incidentId,
              List.of(Accounts.account(prefix, 1)),
              ReportSource.MANUAL,
              false));
      awaitIncident(incidentId, "CONTAINED");
    }
    String path = "/api/v1/incidents/" + incidentId + "/close";

    Runs.as(RESPONDER, TestJwt.RESPONDER)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", " "))
        .post(path)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("reason"));
    Runs.asViewer()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "done"))
        .post(path)
        .then()
        .statusCode(403);
    Runs.as(RESPONDER, TestJwt.RESPONDER)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "every account contained, passwords reset, partners told"))
        .post(path)
        .then()
        .statusCode(200)
        .body("state", equalTo("CLOSED"))
        .body("closedBy", equalTo(RESPONDER))
        .body("closedAt", notNullValue());
    Runs.as(RESPONDER, TestJwt.RESPONDER)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "again"))
        .post(path)
        .then()
        .statusCode(409);
    Runs.asViewer()
        .queryParam("state", "closed")
        .queryParam("limit", 1000)
        .get("/api/v1/incidents")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(incidentId));
    Runs.asViewer()
        .get("/api/v1/incidents/" + incidentId + "/timeline")
        .then()
        .body("items.find { it.action == 'incident.closed' }.actor", equalTo(RESPONDER))
        .body("items.find { it.action == 'incident.closed' }.reason", notNullValue());

    // the close is anchored outside the database at once, signed with the service's key
    long closedSeq =
        Runs.asViewer()
            .queryParam("incident", incidentId)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("items.find { it.action == 'incident.closed' }.seq");
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.awaitMatching(
          Topics.AUDIT_ANCHORS,
          r ->
              "playbook-service".equals(r.key())
                  && new JsonPath(r.value()).getLong("seq") >= closedSeq,
          Duration.ofSeconds(30));
    }
    AuditAnchor anchor = anchors.latestAnchor().orElseThrow();
    assertThat(anchor.seq()).isGreaterThanOrEqualTo(closedSeq);
    assertThat(anchorKey.isGenuine(anchor)).isTrue();
  }

  @Test
  void aResponderContainsAnAccountAgainWithAReason() {
    String prefix = prefix("again");
    String incidentId = "INC-" + prefix;
    ResolvedAccount account = Accounts.account(prefix, 1);
    String path =
        "/api/v1/incidents/" + incidentId + "/accounts/" + account.objectId() + "/recontain";
    try (TestResponder responder =
            TestResponder.start(prefix, request -> TestResponder.Answer.succeeded());
        KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      send(kafka, report("rep-" + prefix, incidentId, List.of(account), ReportSource.CSV, false));
      awaitIncident(incidentId, "CONTAINED");

      Runs.as(RESPONDER, TestJwt.RESPONDER)
          .contentType(ContentType.JSON)
          .body(Map.of())
          .post(path)
          .then()
          .statusCode(422)
          .body("errors[0].field", equalTo("reason"));
      Runs.asViewer()
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "x"))
          .post(path)
          .then()
          .statusCode(403);
      Runs.as(RESPONDER, TestJwt.RESPONDER)
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "x"))
          .post("/api/v1/incidents/" + incidentId + "/accounts/nobody/recontain")
          .then()
          .statusCode(404);
      String runId =
          Runs.as(RESPONDER, TestJwt.RESPONDER)
              .contentType(ContentType.JSON)
              .body(Map.of("reason", "sign-in from a new country after the reset"))
              .post(path)
              .then()
              .statusCode(202)
              .body("incident.id", equalTo(incidentId))
              .body("accounts", equalTo(1))
              .extract()
              .path("id");
      awaitRun(runId, "SUCCEEDED");
      awaitIncident(incidentId, "CONTAINED");
      assertThat(requestsFor(responder, account.objectId())).isEqualTo(2);
    }

    JsonPath story = history(account.objectId());
    assertThat(story.getList("evidence.disposition")).containsExactly("CONTAINING", "RECONTAINING");
    assertThat(story.getString("evidence[1].note"))
        .isEqualTo("sign-in from a new country after the reset");
    assertThat(story.getString("evidence[1].reportedBy")).isEqualTo(RESPONDER);
    assertThat(story.getString("incidents[0].account.reason"))
        .isEqualTo("ACTIVITY_AFTER_CONTAINMENT");
  }

  @Test
  void unknownIncidentsAndAccountsAndBadFiltersAreProblems() {
    Runs.asViewer()
        .get("/api/v1/incidents/no-such-incident")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Runs.asViewer().get("/api/v1/incidents/no-such-incident/timeline").then().statusCode(404);
    Runs.asViewer().get("/api/v1/accounts/nobody@jaxa.example").then().statusCode(404);
    Runs.asViewer()
        .queryParam("state", "RESOLVED")
        .get("/api/v1/incidents")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("state"));
    Runs.asViewer()
        .queryParam("cursor", "garbage")
        .get("/api/v1/incidents")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
    Runs.asViewer().get("/api/v1/incidents").then().statusCode(200).body("next", nullValue());
  }
}
