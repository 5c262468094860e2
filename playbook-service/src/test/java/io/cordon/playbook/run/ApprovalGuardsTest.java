package io.cordon.playbook.run;

import static io.cordon.playbook.run.Runs.APPROVER;
import static io.cordon.playbook.run.Runs.RESPONDER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may decide an approval (docs/security.md "Four eyes"): people told apart by identity, never
 * by name; never an application acting as itself; and only on the accounts they were shown.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class ApprovalGuardsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String PLAYBOOK =
      """
      name: test-approval-guards
      steps:
        - id: disable
          action: DISABLE_ACCOUNT
          approval: {role: approver, timeout: 1h, onTimeout: fail}
      """;

  /** A run of one account reported by (reportedBy, reportedById), waiting for its approval. */
  private static String[] waitingRun(String reportedBy, String reportedById) {
    Runs.putPlaybook(PLAYBOOK);
    String prefix = "guards-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String reportId = "report-" + prefix;
    Runs.publish(
        Runs.chunk(
            reportId,
            1,
            1,
            "test-approval-guards",
            "INC-" + prefix,
            List.of(Accounts.account(prefix, 1)),
            reportedBy,
            reportedById));
    String runId = Runs.runOf(reportId);
    await().atMost(WAIT).until(() -> "WAITING_APPROVAL".equals(Runs.state(runId)));
    return new String[] {runId, approvalOf(runId)};
  }

  private static String approvalOf(String runId) {
    return Runs.asViewer()
        .queryParam("state", "pending")
        .queryParam("run", runId)
        .get("/api/v1/approvals")
        .then()
        .statusCode(200)
        .extract()
        .path("items[0].id");
  }

  private static ValidatableResponse decide(String token, String[] run) {
    return Runs.decide(given().auth().oauth2(token), run[0], run[1], "approve", "looked at it");
  }

  private static String token(Map<String, Object> claims) {
    return TestJwt.tokenWithClaims(claims, TestJwt.APPROVER);
  }

  @Test
  void anApprovalIsReadByItsIdAndARunNamesItsReport() {
    String[] run = waitingRun(RESPONDER, TestJwt.identityOf(RESPONDER));

    Runs.asViewer()
        .get("/api/v1/approvals/" + run[1])
        .then()
        .statusCode(200)
        .body("id", equalTo(run[1]))
        .body("runId", equalTo(run[0]))
        .body("state", equalTo("PENDING"));
    Runs.asViewer()
        .get("/api/v1/approvals/no-such-approval")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    String reportId =
        Runs.asViewer()
            .queryParam("limit", 1000)
            .get("/api/v1/runs")
            .then()
            .statusCode(200)
            .extract()
            .path("items.find { it.id == '" + run[0] + "' }.reportId");
    assertThat(reportId).startsWith("report-guards-");
  }

  @Test
  void theStarterRenamedIsStillTheStarter() {
    String[] run = waitingRun(RESPONDER, TestJwt.identityOf(RESPONDER));

    // same issuer and subject; the upn the name comes from has changed
    decide(token(Map.of("sub", RESPONDER, "upn", "someone-else@jaxa.example")), run)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:forbidden"))
        .body("detail", containsString("Four eyes"));
    assertThat(Runs.state(run[0])).isEqualTo("WAITING_APPROVAL");
  }

  @Test
  void anotherPersonWhoHappensToShareTheStartersNameMayDecide() {
    String[] run = waitingRun(RESPONDER, TestJwt.identityOf(RESPONDER));

    decide(token(Map.of("sub", "another-subject", "upn", RESPONDER)), run)
        .statusCode(200)
        .body("state", equalTo("APPROVED"));
  }

  @Test
  void entraTenantAndObjectIdAreComparedNotTheSubject() {
    String oid = UUID.randomUUID().toString();
    String[] run = waitingRun("aiko@jaxa.example", "entra:" + TENANT + "/" + oid);

    // another app's token for the same user: another (pairwise) sub and a new upn, same tid + oid
    decide(
            token(
                Map.of(
                    "sub",
                    "pairwise-" + UUID.randomUUID(),
                    "upn",
                    "aiko.renamed@jaxa.example",
                    "tid",
                    TENANT,
                    "oid",
                    oid.toUpperCase(),
                    "scp",
                    "access_as_user")),
            run)
        .statusCode(403)
        .body("detail", containsString("Four eyes"));
    decide(
            token(
                Map.of(
                    "sub",
                    "pairwise-2",
                    "upn",
                    APPROVER,
                    "tid",
                    TENANT,
                    "oid",
                    UUID.randomUUID().toString(),
                    "scp",
                    "access_as_user")),
            run)
        .statusCode(200);
  }

  @Test
  void anApplicationsOwnTokenCannotDecideWhateverItsRoles() {
    String[] run = waitingRun(RESPONDER, TestJwt.identityOf(RESPONDER));

    decide(token(Map.of("sub", "automation-client", "idtyp", "app")), run)
        .statusCode(403)
        .body("detail", containsString("needs a person"));
    // Entra client credentials: app roles in `roles`, no `scp`
    String clientCredentials =
        TestJwt.tokenWithClaims(
            Map.of(
                "sub",
                "sp-object-id",
                "tid",
                TENANT,
                "oid",
                UUID.randomUUID().toString(),
                "roles",
                List.of(TestJwt.APPROVER)));
    decide(clientCredentials, run).statusCode(403).body("detail", containsString("needs a person"));
    assertThat(Runs.state(run[0])).isEqualTo("WAITING_APPROVAL");
  }

  @Test
  void aTokenThatNamesNobodyCannotDecide() {
    String[] run = waitingRun(RESPONDER, TestJwt.identityOf(RESPONDER));

    decide(token(Map.of("upn", "no-subject@jaxa.example")), run)
        .statusCode(403)
        .body("detail", containsString("cannot tell who decides"));
  }

  @Test
  void aRunWithoutTheStartersIdentityStillRefusesTheStarterByName() {
    // published before reporters' identities were recorded
    String[] run = waitingRun(RESPONDER, null);

    decide(TestJwt.token(RESPONDER, TestJwt.APPROVER), run)
        .statusCode(403)
        .body("detail", containsString("Four eyes"));
    decide(TestJwt.token(APPROVER, TestJwt.APPROVER), run).statusCode(200);
  }

  @Test
  void aDecisionOnAccountsNotYetSeenIsRefusedWithTheNewCount() {
    Runs.putPlaybook(PLAYBOOK);
    String prefix = "joined-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String reportId = "report-" + prefix;
    String incident = "INC-" + prefix;
    String reporterId = TestJwt.identityOf(RESPONDER);
    List<ResolvedAccount> first = List.of(Accounts.account(prefix, 1));
    Runs.publish(
        Runs.chunk(reportId, 1, 2, "test-approval-guards", incident, first, RESPONDER, reporterId));
    String runId = Runs.runOf(reportId);
    await().atMost(WAIT).until(() -> "WAITING_APPROVAL".equals(Runs.state(runId)));
    String approvalId = approvalOf(runId);
    assertThat(Runs.accountCount(runId, approvalId)).isEqualTo(1);

    // the approver looked at one account; meanwhile a second reached the step and joined
    List<ResolvedAccount> second = List.of(Accounts.account(prefix, 25));
    Runs.publish(
        Runs.chunk(
            reportId, 2, 2, "test-approval-guards", incident, second, RESPONDER, reporterId));
    await().atMost(WAIT).until(() -> Runs.accountCount(runId, approvalId) == 2);

    String approver = TestJwt.token(APPROVER, TestJwt.APPROVER);
    given()
        .auth()
        .oauth2(approver)
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "approve", "accountCount", 1))
        .post("/api/v1/runs/" + runId + "/approvals/" + approvalId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("accountCount"))
        .body("detail", containsString("now covers 2 account(s), not 1"));
    given()
        .auth()
        .oauth2(approver)
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "reject"))
        .post("/api/v1/runs/" + runId + "/approvals/" + approvalId)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("accountCount"));
    assertThat(Runs.state(runId)).isEqualTo("WAITING_APPROVAL");

    given()
        .auth()
        .oauth2(approver)
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "approve", "accountCount", 2))
        .post("/api/v1/runs/" + runId + "/approvals/" + approvalId)
        .then()
        .statusCode(200)
        .body("state", equalTo("APPROVED"))
        .body("accountCount", equalTo(2));
  }
}
