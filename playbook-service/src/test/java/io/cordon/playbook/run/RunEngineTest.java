package io.cordon.playbook.run;

import static io.cordon.playbook.run.Runs.APPROVER;
import static io.cordon.playbook.run.Runs.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

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
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Run semantics of docs/playbooks.md, one behaviour per test, on small runs. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class RunEngineTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @ConfigProperty(name = "quarkus.http.test-port")
  int port;

  private static String prefix(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private static List<ResolvedAccount> accounts(String prefix, int... indexes) {
    return Arrays.stream(indexes).mapToObj(i -> Accounts.account(prefix, i)).toList();
  }

  private static void awaitState(String runId, String state) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> state.equals(Runs.state(runId)));
  }

  private static JsonPath pendingApprovals(String runId) {
    return Runs.asViewer()
        .queryParam("state", "pending")
        .queryParam("run", runId)
        .get("/api/v1/approvals")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static ValidatableResponse decide(
      String principal, String role, String runId, String approvalId, String decision) {
    return Runs.decide(
        Runs.as(principal, role), runId, approvalId, decision, "checked the sign-in logs");
  }

  @Test
  void theRunsStarterCannotApproveItAndAnotherApproverCan() {
    Runs.putPlaybook(
        """
        name: test-disable-approved
        steps:
          - id: disable
            action: DISABLE_ACCOUNT
            approval: {role: approver, timeout: 1h, onTimeout: fail}
        """);
    String prefix = prefix("fouryes");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId = Runs.start("test-disable-approved", "INC-" + prefix, accounts(prefix, 25));
      awaitState(runId, "WAITING_APPROVAL");
      String approvalId = pendingApprovals(runId).getString("items[0].id");

      decide(RESPONDER, TestJwt.APPROVER, runId, approvalId, "approve")
          .statusCode(403)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:cordon:problem:forbidden"))
          .body("detail", containsString("Four eyes"));
      decide("viewer@jaxa.example", TestJwt.RESPONDER, runId, approvalId, "approve")
          .statusCode(403)
          .body("detail", containsString("role approver"));
      assertThat(responder.requests()).isEmpty();

      decide(APPROVER, TestJwt.APPROVER, runId, approvalId, "approve").statusCode(200);
      awaitState(runId, "SUCCEEDED");
      decide("dave@jaxa.example", TestJwt.APPROVER, runId, approvalId, "reject")
          .statusCode(409)
          .body("detail", containsString("already approved"));
      assertThat(responder.requests())
          .extracting(ActionRequested::action)
          .containsExactly(ActionType.DISABLE_ACCOUNT);
    }
  }

  @Test
  void aRejectedStepIsSkippedAndTheAccountGoesOn() {
    Runs.putPlaybook(
        """
        name: test-reject-then-revoke
        steps:
          - id: disable
            action: DISABLE_ACCOUNT
            approval: {role: approver, timeout: 1h, onTimeout: fail}
          - id: revoke
            action: REVOKE_SESSIONS
        """);
    String prefix = prefix("reject");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId = Runs.start("test-reject-then-revoke", "INC-" + prefix, accounts(prefix, 1, 2));
      awaitState(runId, "WAITING_APPROVAL");
      JsonPath pending = pendingApprovals(runId);
      assertThat(pending.getInt("items[0].accountCount")).isEqualTo(2);

      decide(APPROVER, TestJwt.APPROVER, runId, pending.getString("items[0].id"), "reject")
          .statusCode(200)
          .body("state", equalTo("REJECTED"));
      awaitState(runId, "SUCCEEDED");

      for (Map<String, Object> account : Runs.accounts(runId, 100)) {
        assertThat(Runs.step(account, "disable"))
            .containsEntry("state", "SKIPPED")
            .containsEntry("reasonCode", "APPROVAL_REJECTED");
        assertThat(Runs.step(account, "revoke")).containsEntry("state", "SUCCEEDED");
      }
      assertThat(responder.requests())
          .extracting(ActionRequested::action)
          .containsOnly(ActionType.REVOKE_SESSIONS);
    }
  }

  @Test
  void anUndecidedApprovalFollowsItsOnTimeout() {
    Runs.putPlaybook(
        """
        name: test-approval-timeouts
        steps:
          - id: skip-on-timeout
            action: REMOVE_MFA_METHODS
            approval: {role: approver, timeout: 1h, onTimeout: skip}
          - id: fail-on-timeout
            action: DISABLE_ACCOUNT
            approval: {role: approver, timeout: 1h, onTimeout: fail}
            continueOnFailure: true
          - id: approve-on-timeout
            action: REVOKE_SESSIONS
            approval: {role: approver, timeout: 1h, onTimeout: approve}
        """);
    String prefix = prefix("timeout");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId = Runs.start("test-approval-timeouts", "INC-" + prefix, accounts(prefix, 1));
      for (int round = 0; round < 3; round++) {
        awaitState(runId, "WAITING_APPROVAL");
        // an hour is long for a test: move the deadline instead of waiting for it
        assertThat(
                Runs.update(
                    "update approval set expires_at = now() - interval '1 second'"
                        + " where run_id = ? and state = 'PENDING'",
                    runId))
            .isEqualTo(1);
        int decided = round + 1;
        await()
            .atMost(WAIT)
            .until(
                () ->
                    Runs.queryLong(
                            "select count(*) from approval where run_id = ? and state = 'EXPIRED'",
                            runId)
                        == decided);
      }
      awaitState(runId, "PARTIALLY_SUCCEEDED");
      Map<String, Object> account = Runs.accounts(runId, 10).get(0);
      assertThat(Runs.step(account, "skip-on-timeout"))
          .containsEntry("state", "SKIPPED")
          .containsEntry("reasonCode", "APPROVAL_TIMED_OUT");
      assertThat(Runs.step(account, "fail-on-timeout"))
          .containsEntry("state", "FAILED")
          .containsEntry("reasonCode", "APPROVAL_TIMED_OUT");
      assertThat(Runs.step(account, "approve-on-timeout")).containsEntry("state", "SUCCEEDED");
      assertThat(responder.requests())
          .extracting(ActionRequested::action)
          .containsExactly(ActionType.REVOKE_SESSIONS);
    }
  }

  @Test
  void aTimedOutAttemptIsRequestedAgainUnderTheSameActionIdThenFailsTheRun() {
    Runs.putPlaybook(
        """
        name: test-step-timeout
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
            timeout: 1s
            retry: {maxAttempts: 2, backoff: {initial: 100ms, max: 100ms}}
          - id: reset
            action: RESET_PASSWORD
        """);
    String prefix = prefix("stepto");
    // account-service never answers
    try (TestResponder responder = TestResponder.start(prefix, r -> null)) {
      String runId = Runs.start("test-step-timeout", "INC-" + prefix, accounts(prefix, 1));
      awaitState(runId, "FAILED");

      List<TestResponder.Received> received = responder.received();
      assertThat(received).hasSize(2);
      assertThat(received.get(0).request().actionId())
          .isEqualTo(received.get(1).request().actionId());
      assertThat(received.get(0).eventId()).isNotEqualTo(received.get(1).eventId());
      Map<String, Object> account = Runs.accounts(runId, 10).get(0);
      assertThat(Runs.step(account, "revoke"))
          .containsEntry("state", "FAILED")
          .containsEntry("reasonCode", "TIMED_OUT")
          .containsEntry("attempt", 2)
          .containsEntry("dispatches", 2);
      // no continueOnFailure: the account's later steps do not run
      assertThat(Runs.step(account, "reset"))
          .containsEntry("state", "SKIPPED")
          .containsEntry("reasonCode", "NOT_APPLICABLE");
    }
  }

  @Test
  void continueOnFailureLetsTheAccountGoOn() {
    Runs.putPlaybook(
        """
        name: test-continue-on-failure
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
            continueOnFailure: true
          - id: reset
            action: RESET_PASSWORD
        """);
    String prefix = prefix("continue");
    try (TestResponder responder =
        TestResponder.start(
            prefix,
            r ->
                r.action() == ActionType.REVOKE_SESSIONS
                    ? new TestResponder.Answer(
                        ActionOutcome.FAILED_PERMANENT, ReasonCode.INSUFFICIENT_PRIVILEGES, "403")
                    : TestResponder.Answer.succeeded())) {
      String runId = Runs.start("test-continue-on-failure", "INC-" + prefix, accounts(prefix, 1));
      awaitState(runId, "PARTIALLY_SUCCEEDED");
      Map<String, Object> account = Runs.accounts(runId, 10).get(0);
      assertThat(Runs.step(account, "revoke"))
          .containsEntry("state", "FAILED")
          .containsEntry("reasonCode", "INSUFFICIENT_PRIVILEGES");
      assertThat(Runs.step(account, "reset")).containsEntry("state", "SUCCEEDED");
    }
  }

  @Test
  void aRunKeepsThePlaybookVersionItStartedWith() {
    String name = "test-version-" + UUID.randomUUID().toString().substring(0, 8);
    Runs.putPlaybook(
        "name: "
            + name
            + "\nsteps:\n  - id: disable\n    action: DISABLE_ACCOUNT\n"
            + "    approval: {role: approver, timeout: 1h, onTimeout: fail}\n");
    String prefix = prefix("version");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId = Runs.start(name, "INC-" + prefix, accounts(prefix, 1));
      awaitState(runId, "WAITING_APPROVAL");
      Runs.putPlaybook(
          "name: "
              + name
              + "\nsteps:\n  - id: disable\n    action: DISABLE_ACCOUNT\n"
              + "  - id: reset\n    action: RESET_PASSWORD\n");

      decide(
              APPROVER,
              TestJwt.APPROVER,
              runId,
              pendingApprovals(runId).getString("items[0].id"),
              "approve")
          .statusCode(200);
      awaitState(runId, "SUCCEEDED");

      JsonPath run = Runs.run(runId);
      assertThat(run.getInt("playbook.version")).isEqualTo(1);
      assertThat(run.getList("steps.id")).containsExactly("disable");
      assertThat(responder.requests())
          .extracting(ActionRequested::action)
          .containsExactly(ActionType.DISABLE_ACCOUNT);
    }
  }

  @Test
  void cancelStopsDispatchingRecordsWhyAndEndsTheEventStream() throws Exception {
    Runs.putPlaybook(
        """
        name: test-cancel
        steps:
          - id: disable
            action: DISABLE_ACCOUNT
            approval: {role: approver, timeout: 1h, onTimeout: approve}
          - id: revoke
            action: REVOKE_SESSIONS
        """);
    String prefix = prefix("cancel");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId = Runs.start("test-cancel", "INC-" + prefix, accounts(prefix, 1, 2, 3));
      awaitState(runId, "WAITING_APPROVAL");
      String approvalId = pendingApprovals(runId).getString("items[0].id");
      EventStream stream = followEvents(runId);
      assertThat(stream.first().get(30, TimeUnit.SECONDS))
          .contains("\"state\":\"WAITING_APPROVAL\"");

      Runs.as(RESPONDER, TestJwt.RESPONDER)
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "false positive: red-team exercise"))
          .post("/api/v1/runs/" + runId + "/cancel")
          .then()
          .statusCode(200)
          .body("state", equalTo("CANCELLED"))
          .body("stateReason", equalTo("false positive: red-team exercise"))
          .body("cancelledBy", equalTo(RESPONDER))
          .body("finishedAt", notNullValue());

      List<String> events = stream.all().get(30, TimeUnit.SECONDS);
      assertThat(events).hasSizeGreaterThanOrEqualTo(2).allMatch(e -> e.startsWith("progress {"));
      assertThat(events.get(events.size() - 1)).contains("\"state\":\"CANCELLED\"");

      Runs.as(RESPONDER, TestJwt.RESPONDER)
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "again"))
          .post("/api/v1/runs/" + runId + "/cancel")
          .then()
          .statusCode(409);
      decide(APPROVER, TestJwt.APPROVER, runId, approvalId, "approve").statusCode(409);
      // the poller would have dispatched by now if anything were due
      Thread.sleep(500);
      assertThat(responder.requests()).isEmpty();
      for (Map<String, Object> account : Runs.accounts(runId, 10)) {
        assertThat(Runs.step(account, "disable")).containsEntry("state", "CANCELLED");
        assertThat(Runs.step(account, "revoke")).containsEntry("state", "CANCELLED");
      }
      Runs.asViewer()
          .queryParam("run", runId)
          .get("/api/v1/approvals")
          .then()
          .body("items.state", hasItem("CANCELLED"));
    }
  }

  @Test
  void startingARunValidatesEveryFieldBeforeAskingAccountService() {
    // account-service is not running for this test: a request reaching it would answer 503
    Runs.as(RESPONDER, TestJwt.RESPONDER)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "playbook",
                "Not A Name",
                "severity",
                "APOCALYPTIC",
                "accounts",
                List.of("not-a-guid", Map.of("tenantId", "t"))))
        .post("/api/v1/runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:validation-failed"))
        .body("errors.field", hasItem("playbook"))
        .body("errors.field", hasItem("incidentId"))
        .body("errors.field", hasItem("severity"))
        .body("errors.field", hasItem("accounts[0]"))
        .body("errors.field", hasItem("accounts[1].objectId"));
    Runs.as(RESPONDER, TestJwt.RESPONDER)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "playbook",
                "no-such-playbook",
                "incidentId",
                "INC-1",
                "accounts",
                List.of(UUID.randomUUID().toString())))
        .post("/api/v1/runs")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("playbook"));
    Runs.asViewer()
        .contentType(ContentType.JSON)
        .body(Map.of("incidentId", "INC-1", "accounts", List.of(UUID.randomUUID().toString())))
        .post("/api/v1/runs")
        .then()
        .statusCode(403);
    Runs.asViewer().get("/api/v1/runs/no-such-run").then().statusCode(404);
    Runs.asViewer()
        .queryParam("status", "SLEEPING")
        .get("/api/v1/runs")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
  }

  /** A Server-Sent Events stream being read: its first event, and all once the server ends it. */
  private record EventStream(
      CompletableFuture<String> first, CompletableFuture<List<String>> all) {}

  private EventStream followEvents(String runId) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/runs/" + runId + "/events"))
            .header(
                "Authorization", "Bearer " + TestJwt.token("carol@jaxa.example", TestJwt.VIEWER))
            .header("Accept", "text/event-stream")
            .build();
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<List<String>> all =
        HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .thenApplyAsync(
                response -> {
                  assertThat(response.statusCode()).isEqualTo(200);
                  return events(response.body(), first);
                });
    all.whenComplete((events, failure) -> first.complete(null));
    return new EventStream(first, all);
  }

  /** Each event as "name data", in order. */
  private static List<String> events(Stream<String> lines, CompletableFuture<String> first) {
    List<String> events = new ArrayList<>();
    String[] event = new String[2];
    lines.forEach(
        line -> {
          if (line.startsWith("event:")) {
            event[0] = line.substring("event:".length()).strip();
          } else if (line.startsWith("data:")) {
            event[1] = line.substring("data:".length()).strip();
          } else if (line.isEmpty() && event[1] != null) {
            events.add(event[0] + " " + event[1]);
            first.complete(events.get(0));
            event[0] = null;
            event[1] = null;
          }
        });
    return events;
  }
}
