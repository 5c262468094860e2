package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionRequested;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Run control (DESIGN §11): a responder pauses and resumes a run, excludes an account or marks it
 * done by hand, and runs a failed step again; each with a reason, each reflected in the run, its
 * accounts and the incident's containment.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class RunControlTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TWO_STEPS =
      """
      name: test-control-two-steps
      steps:
        - id: revoke
          action: REVOKE_SESSIONS
        - id: reset
          action: RESET_PASSWORD
      """;

  @Test
  void aPausedRunSendsNothingUntilItIsResumed() {
    Runs.putPlaybook(TWO_STEPS);
    String prefix = prefix("pause");
    // revocations are held unanswered, so the pause lands while the run is mid-way
    try (TestResponder responder =
        TestResponder.start(
            prefix,
            request ->
                request.action() == ActionType.REVOKE_SESSIONS
                    ? null
                    : TestResponder.Answer.succeeded())) {
      String runId =
          Runs.start("test-control-two-steps", "INC-" + prefix, accounts(prefix, 1, 2, 3));
      await().atMost(WAIT).until(() -> responder.requests().size() == 3);

      control(TestJwt.VIEWER, "/api/v1/runs/" + runId + "/pause", "hold").statusCode(403);
      control(TestJwt.RESPONDER, "/api/v1/runs/" + runId + "/pause", " ")
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("reason"));
      control(TestJwt.RESPONDER, "/api/v1/runs/" + runId + "/pause", "checking the resets")
          .statusCode(200)
          .body("paused.by", equalTo(Runs.RESPONDER))
          .body("paused.reason", equalTo("checking the resets"));
      control(TestJwt.RESPONDER, "/api/v1/runs/" + runId + "/pause", "again")
          .statusCode(409)
          .body("detail", containsString("already paused"));

      // what was in flight still comes back and is recorded; the steps it makes due wait
      responder.requests().forEach(r -> responder.answer(r, TestResponder.Answer.succeeded()));
      await().atMost(WAIT).until(() -> Runs.count(runId, "reset", "PENDING") == 3);
      assertThat(Runs.count(runId, "revoke", "SUCCEEDED")).isEqualTo(3);
      assertThat(
              Runs.queryLong(
                  "select count(*) from run where id = ? and paused_at is not null", runId))
          .as("the pause is in the database, so it survives a restart")
          .isEqualTo(1);
      // one dispatcher round after another finds nothing it may send
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> Runs.count(runId, "reset", "PENDING") == 3);
      assertThat(responder.requests())
          .extracting(ActionRequested::action)
          .containsOnly(ActionType.REVOKE_SESSIONS);

      control(TestJwt.RESPONDER, "/api/v1/runs/" + runId + "/resume", "resets look right")
          .statusCode(200)
          .body("paused", nullValue());
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));
      assertThat(responder.requests())
          .filteredOn(r -> r.action() == ActionType.RESET_PASSWORD)
          .hasSize(3);
      control(TestJwt.RESPONDER, "/api/v1/runs/" + runId + "/resume", "late")
          .statusCode(409)
          .body("detail", containsString("SUCCEEDED"));
      assertThat(
              Runs.queryLong(
                  "select count(*) from audit_entry where run_id = ?"
                      + " and action in ('run.paused', 'run.resumed')",
                  runId))
          .isEqualTo(2);
    }
  }

  @Test
  void anExcludedAccountRunsNoMoreStepsAndAManualOneMarkedDoneFinishesTheRun() {
    Runs.putPlaybook(TWO_STEPS);
    String prefix = prefix("settle");
    String manual = prefix + "0001";
    String excluded = prefix + "0002";
    try (TestResponder responder =
        TestResponder.start(
            prefix,
            request -> {
              if (request.account().objectId().equals(excluded)) {
                return null; // still in flight when the responder excludes it
              }
              if (request.account().objectId().equals(manual)
                  && request.action() == ActionType.RESET_PASSWORD) {
                return new TestResponder.Answer(
                    ActionOutcome.REQUIRES_MANUAL,
                    ReasonCode.ON_PREMISES_SYNCED,
                    "reset it in on-premises AD");
              }
              return TestResponder.Answer.succeeded();
            })) {
      String incidentId = "INC-" + prefix;
      String runId = Runs.start("test-control-two-steps", incidentId, accounts(prefix, 1, 2, 3));
      await()
          .atMost(WAIT)
          .until(() -> responder.requests().stream().anyMatch(r -> isFor(r, excluded)));

      control(
              TestJwt.RESPONDER,
              "/api/v1/runs/" + runId + "/accounts/" + excluded + "/exclude",
              "false positive: the sign-in was the user's own travel")
          .statusCode(200);
      control(
              TestJwt.RESPONDER,
              "/api/v1/runs/" + runId + "/accounts/" + excluded + "/mark-done",
              "twice")
          .statusCode(409)
          .body("detail", containsString("EXCLUDED"));
      control(TestJwt.RESPONDER, "/api/v1/runs/" + runId + "/accounts/nobody/exclude", "x")
          .statusCode(404);
      responder.requests().stream()
          .filter(r -> isFor(r, excluded))
          .forEach(r -> responder.answer(r, TestResponder.Answer.succeeded()));

      await().atMost(WAIT).until(() -> "PARTIALLY_SUCCEEDED".equals(Runs.state(runId)));
      Map<String, Object> excludedAccount = account(runId, excluded);
      assertThat(Runs.step(excludedAccount, "reset"))
          .containsEntry("state", "SKIPPED")
          .containsEntry("reasonCode", "EXCLUDED");
      assertThat(Runs.step(excludedAccount, "revoke")).containsEntry("state", "SUCCEEDED");
      assertThat(excludedAccount.get("settled").toString()).contains("EXCLUDED");
      assertThat(responder.requests())
          .filteredOn(r -> isFor(r, excluded))
          .extracting(ActionRequested::action)
          .containsExactly(ActionType.REVOKE_SESSIONS);
      assertThat(containment(incidentId, excluded)).isEqualTo("UNCONTAINED");
      assertThat(containment(incidentId, manual)).isEqualTo("REQUIRES_MANUAL");

      control(
              TestJwt.RESPONDER,
              "/api/v1/runs/" + runId + "/accounts/" + manual + "/mark-done",
              "reset in on-premises AD by the helpdesk, ticket 4711")
          .statusCode(200)
          .body("state", equalTo("SUCCEEDED"));
      assertThat(Runs.step(account(runId, manual), "reset"))
          .containsEntry("state", "SKIPPED")
          .containsEntry("reasonCode", "MARKED_DONE");
      assertThat(containment(incidentId, manual)).isEqualTo("CONTAINED");
    }
  }

  @Test
  void aFailedStepRunsAgainAsANewAttemptAndTheStepsItHeldBackFollow() {
    Runs.putPlaybook(
        """
        name: test-control-retry
        steps:
          - id: reset
            action: RESET_PASSWORD
          - id: confirm
            action: CONFIRM_COMPROMISED
        """);
    String prefix = prefix("retry");
    Map<String, AtomicInteger> resets = new ConcurrentHashMap<>();
    // the first reset of each account fails: the permission was missing until an admin granted it
    try (TestResponder responder =
        TestResponder.start(
            prefix,
            request -> {
              if (request.action() == ActionType.RESET_PASSWORD
                  && resets
                          .computeIfAbsent(request.account().objectId(), id -> new AtomicInteger())
                          .incrementAndGet()
                      == 1) {
                return new TestResponder.Answer(
                    ActionOutcome.FAILED_PERMANENT,
                    ReasonCode.MISSING_PERMISSION,
                    "UserAuthenticationMethod.ReadWrite.All is not granted");
              }
              return TestResponder.Answer.succeeded();
            })) {
      String runId = Runs.start("test-control-retry", "INC-" + prefix, accounts(prefix, 1, 2));
      await().atMost(WAIT).until(() -> "FAILED".equals(Runs.state(runId)));
      assertThat(Runs.step(account(runId, prefix + "0001"), "confirm"))
          .containsEntry("state", "SKIPPED");

      control(TestJwt.RESPONDER, "/api/v1/runs/" + runId + "/steps/nope/retry", "x")
          .statusCode(404);
      control(TestJwt.RESPONDER, "/api/v1/runs/" + runId + "/steps/confirm/retry", "x")
          .statusCode(409)
          .body("detail", containsString("no account"));
      control(
              TestJwt.RESPONDER,
              "/api/v1/runs/" + runId + "/steps/reset/retry",
              "the permission is granted now")
          .statusCode(200);
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));

      List<ActionRequested> resetRequests =
          responder.requests().stream()
              .filter(r -> r.action() == ActionType.RESET_PASSWORD)
              .toList();
      assertThat(resetRequests).hasSize(4);
      assertThat(resetRequests.stream().map(ActionRequested::actionId).distinct())
          .as("a retry is a new attempt under a new action id")
          .hasSize(4);
      for (String objectId : List.of(prefix + "0001", prefix + "0002")) {
        Map<String, Object> account = account(runId, objectId);
        assertThat(Runs.step(account, "reset"))
            .containsEntry("state", "SUCCEEDED")
            .containsEntry("attempt", 2);
        assertThat(Runs.step(account, "confirm")).containsEntry("state", "SUCCEEDED");
      }
    }
  }

  private static ValidatableResponse control(String role, String path, String reason) {
    return Runs.as(role.equals(TestJwt.VIEWER) ? "carol@jaxa.example" : Runs.RESPONDER, role)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post(path)
        .then();
  }

  private static boolean isFor(ActionRequested request, String objectId) {
    return request.account().objectId().equals(objectId);
  }

  private static Map<String, Object> account(String runId, String objectId) {
    return Runs.accounts(runId, 100).stream()
        .filter(account -> objectId.equals(account.get("objectId")))
        .findFirst()
        .orElseThrow();
  }

  private static String containment(String incidentId, String objectId) {
    List<Map<String, Object>> items =
        Runs.asViewer()
            .queryParam("limit", 1000)
            .get("/api/v1/incidents/" + incidentId + "/accounts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.stream()
        .filter(item -> objectId.equals(item.get("objectId")))
        .map(item -> String.valueOf(item.get("state")))
        .findFirst()
        .orElseThrow();
  }

  private static String prefix(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private static List<ResolvedAccount> accounts(String prefix, int... indexes) {
    return Arrays.stream(indexes).mapToObj(i -> Accounts.account(prefix, i)).toList();
  }
}
