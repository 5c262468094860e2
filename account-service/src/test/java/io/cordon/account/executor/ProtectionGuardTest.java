package io.cordon.account.executor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal;
import io.cordon.testsupport.GraphJournal.InnerRequest;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.TestJwt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Break-glass accounts: whatever asks for an action on a protected account (named itself, or a
 * member of a protected group), the executor ends it REQUIRES_MANUAL with PROTECTED_ACCOUNT and
 * sends nothing about it to Graph, unless an approved override is in force.
 */
@QuarkusTest
@GraphExecutorResources
class ProtectionGuardTest {
  /** Named in {@code %test.cordon.protection.accounts}. */
  static final String CONFIGURED = "b7ea6915-0000-4000-8000-00000000b7ea";

  private static final String ADMIN = TestJwt.token("ada.admin@jaxa.example", TestJwt.ADMIN);
  private static final String SECOND_ADMIN =
      TestJwt.token("grace.admin@jaxa.example", TestJwt.ADMIN);
  private static final String RESPONDER =
      TestJwt.token("rita.responder@jaxa.example", TestJwt.RESPONDER);
  private static final Duration WAIT = Duration.ofSeconds(90);

  @InjectGraphWireMock WireMockServer graph;
  private ActionTraffic traffic;
  private final List<String> protectedHere = new ArrayList<>();

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
    traffic = new ActionTraffic();
  }

  @AfterEach
  void tearDown() {
    traffic.close();
    // the list outlives this test's app: leave it as it was for the executor tests that follow
    for (String id : protectedHere) {
      given().auth().oauth2(ADMIN).delete("/api/v1/protected-accounts/" + id + "/override");
      given().auth().oauth2(ADMIN).delete("/api/v1/protected-accounts/" + id);
    }
  }

  @Test
  void anAccountNamedInConfigurationIsNeverSentToGraph() {
    GraphBatchStub.graphBatch().install(graph);
    ActionRequested revoke = traffic.request(CONFIGURED, ActionType.REVOKE_SESSIONS);
    ActionRequested reset = traffic.request(CONFIGURED, ActionType.RESET_PASSWORD);
    ActionRequested confirm = traffic.request(CONFIGURED, ActionType.CONFIRM_COMPROMISED);
    ActionRequested bystander = traffic.request(1, ActionType.REVOKE_SESSIONS);

    traffic.send(List.of(revoke, reset, confirm, bystander));
    Map<String, ActionCompleted> completions = traffic.awaitCompletions(4, WAIT);

    for (ActionRequested refused : List.of(revoke, reset, confirm)) {
      assertProtected(completions.get(refused.actionId()));
    }
    assertThat(completions.get(bystander.actionId()).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(requestsAbout(CONFIGURED)).isEmpty();
    assertThat(requestsAbout(traffic.userId(1))).hasSize(1);
  }

  @Test
  void aMemberOfAProtectedGroupIsRefusedOnTheGroupsItsReportResolved() {
    String member = UUID.randomUUID().toString();
    String group = UUID.randomUUID().toString();
    GraphBatchStub.graphBatch()
        .user(member, "kaito." + member + "@jaxa.example", "Member", false, List.of(), List.of())
        .memberOf(member, group, "Break glass")
        .install(graph);
    protect(group, "group");
    String reportId = report(member);
    await().atMost(WAIT).until(() -> "PUBLISHED".equals(status(reportId)));
    // shown at intake already, before any action is asked for
    given()
        .auth()
        .oauth2(RESPONDER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .body("accounts.items[0].protection", containsString("member of protected group " + group));

    ActionRequested revoke = traffic.request(member, ActionType.REVOKE_SESSIONS);
    traffic.send(revoke);

    assertProtected(traffic.awaitCompletions(1, WAIT).get(revoke.actionId()));
    // the report's resolution read the user and its memberships; the guard needed nothing more
    assertThat(requestsAbout(member))
        .extracting(InnerRequest::method)
        .containsExactly("GET", "GET");
  }

  @Test
  void anAccountNeverResolvedHasItsGroupsReadBeforeAnyWrite() {
    String member = UUID.randomUUID().toString();
    String outsider = UUID.randomUUID().toString();
    String group = UUID.randomUUID().toString();
    GraphBatchStub.graphBatch()
        .user(member, "m." + member + "@jaxa.example", "Member", false, List.of(), List.of())
        .memberOf(member, group, "Tier 0 administrators")
        .user(outsider, "o." + outsider + "@jaxa.example", "Member", false, List.of(), List.of())
        .install(graph);
    protect(group, "group");
    ActionRequested onMember = traffic.request(member, ActionType.REVOKE_SESSIONS);
    ActionRequested onOutsider = traffic.request(outsider, ActionType.REVOKE_SESSIONS);

    traffic.send(List.of(onMember, onOutsider));
    Map<String, ActionCompleted> completions = traffic.awaitCompletions(2, WAIT);

    assertProtected(completions.get(onMember.actionId()));
    assertThat(requestsAbout(member))
        .singleElement()
        .satisfies(
            read -> {
              assertThat(read.method()).isEqualTo("GET");
              assertThat(read.url()).contains("/transitiveMemberOf");
            });
    assertThat(completions.get(onOutsider.actionId()).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(requestsAbout(outsider))
        .extracting(InnerRequest::method)
        .containsExactly("GET", "POST");
  }

  @Test
  void onlyAnApprovedOverrideLetsActionsThroughAndOnlyUntilItEnds() {
    String account = UUID.randomUUID().toString();
    GraphBatchStub.graphBatch().install(graph);
    protect(account, "user");

    ActionRequested unprotected = traffic.request(account, ActionType.REVOKE_SESSIONS);
    traffic.send(unprotected);
    assertProtected(traffic.awaitCompletions(1, WAIT).get(unprotected.actionId()));

    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"attacker holds the break-glass password\", \"minutes\": 30}")
        .post("/api/v1/protected-accounts/" + account + "/override")
        .then()
        .statusCode(201);
    ActionRequested whileAsked = traffic.request(account, ActionType.CONFIRM_COMPROMISED);
    traffic.send(whileAsked);
    assertProtected(traffic.awaitCompletions(2, WAIT).get(whileAsked.actionId()));

    given()
        .auth()
        .oauth2(SECOND_ADMIN)
        .post("/api/v1/protected-accounts/" + account + "/override/approve")
        .then()
        .statusCode(200);
    ActionRequested approved = traffic.request(account, ActionType.RESET_PASSWORD);
    traffic.send(approved);
    assertThat(traffic.awaitCompletions(3, WAIT).get(approved.actionId()).outcome())
        .isEqualTo(ActionOutcome.SUCCEEDED);

    given()
        .auth()
        .oauth2(ADMIN)
        .delete("/api/v1/protected-accounts/" + account + "/override")
        .then()
        .statusCode(200);
    ActionRequested ended = traffic.request(account, ActionType.DISABLE_ACCOUNT);
    traffic.send(ended);
    assertProtected(traffic.awaitCompletions(4, WAIT).get(ended.actionId()));

    assertThat(requestsAbout(account)).extracting(InnerRequest::method).containsExactly("PATCH");
  }

  @Test
  void theAdminWhoAskedForAnOverrideCannotApproveItUnderAnotherNameNorCanAnApplication() {
    String account = UUID.randomUUID().toString();
    protect(account, "user");
    String tenant = UUID.randomUUID().toString();
    String askerOid = UUID.randomUUID().toString();
    given()
        .auth()
        .oauth2(admin("s-ada", "ada.admin@jaxa.example", tenant, askerOid, true))
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"restore the break-glass account\", \"minutes\": 10}")
        .post("/api/v1/protected-accounts/" + account + "/override")
        .then()
        .statusCode(201);

    // the same Entra user renamed: four eyes compares tenant and object id, not the name
    given()
        .auth()
        .oauth2(admin("s-ada-2", "ada.lovelace@jaxa.example", tenant, askerOid, true))
        .post("/api/v1/protected-accounts/" + account + "/override/approve")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("Four eyes"));
    // an application's own token (no scp) holds the admin role but answers for nothing
    given()
        .auth()
        .oauth2(admin("app", "automation", tenant, UUID.randomUUID().toString(), false))
        .post("/api/v1/protected-accounts/" + account + "/override/approve")
        .then()
        .statusCode(403)
        .body("detail", containsString("application's own"));
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/protected-accounts/" + account + "/override")
        .then()
        .statusCode(200)
        .body("state", equalTo("REQUESTED"));

    given()
        .auth()
        .oauth2(SECOND_ADMIN)
        .post("/api/v1/protected-accounts/" + account + "/override/approve")
        .then()
        .statusCode(200);
  }

  private static String admin(
      String subject, String upn, String tenant, String objectId, boolean person) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", subject);
    claims.put("upn", upn);
    claims.put("tid", tenant);
    claims.put("oid", objectId);
    if (person) {
      claims.put("scp", "access_as_user");
    }
    return TestJwt.tokenWithClaims(claims, TestJwt.ADMIN);
  }

  private void protect(String objectId, String kind) {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"kind\": \"" + kind + "\", \"reason\": \"break-glass\"}")
        .put("/api/v1/protected-accounts/" + objectId)
        .then()
        .statusCode(201);
    protectedHere.add(objectId);
  }

  private static void assertProtected(ActionCompleted completed) {
    assertThat(completed.outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.PROTECTED_ACCOUNT);
    assertThat(completed.graphRequestId()).isNull();
  }

  /** Graph requests naming the account in their URL or body, in the order Graph received them. */
  private List<InnerRequest> requestsAbout(String objectId) {
    return GraphJournal.innerRequests(graph).stream()
        .filter(r -> r.url().contains(objectId) || r.body().toString().contains(objectId))
        .sorted(Comparator.comparing(InnerRequest::receivedAt))
        .toList();
  }

  private static String report(String objectId) {
    return given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .body("{\"incident\":{\"id\":\"INC-PROTECTED\"},\"accounts\":[\"" + objectId + "\"]}")
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(202)
        .extract()
        .path("reportId");
  }

  private static String status(String reportId) {
    return given()
        .auth()
        .oauth2(RESPONDER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }
}
