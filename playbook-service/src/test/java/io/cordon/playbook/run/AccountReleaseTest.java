package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.events.ActionRequested;
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
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Releasing an account (DESIGN §11): a responder asks with a reason, a second person approves, the
 * account is enabled again and its risk dismissed, and it ends RELEASED; a rejection writes
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(RemoteServices.class)
class AccountReleaseTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String CONTAIN =
      """
      name: test-release-contain
      steps:
        - id: disable
          action: DISABLE_ACCOUNT
      """;

  RemoteServices remote;

  @Test
  void aReleaseApprovedByASecondPersonLetsTheAccountBackIn() {
    Contained contained = containOne();
    try (TestResponder responder =
        TestResponder.start(contained.prefix(), request -> TestResponder.Answer.succeeded())) {
      release(contained, "", 0).statusCode(422).body("errors[0].field", equalTo("reason"));
      String runId = releaseRun(contained, "false positive: the CFO was travelling");
      await().atMost(WAIT).until(() -> "WAITING_APPROVAL".equals(Runs.state(runId)));
      assertThat(containment(contained)).isEqualTo("CONTAINED");
      release(contained, "again", 0)
          .statusCode(409)
          .body("detail", containsString("release under way"));

      String approvalId = pendingApproval(runId);
      Runs.decide(
              Runs.as(Runs.RESPONDER, TestJwt.APPROVER),
              runId,
              approvalId,
              "approve",
              "my own release")
          .statusCode(403)
          .body("detail", containsString("Four eyes"));
      Runs.decide(
              Runs.as(Runs.APPROVER, TestJwt.APPROVER),
              runId,
              approvalId,
              "approve",
              "checked with the CFO")
          .statusCode(200);

      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));
      assertThat(
              responder.requests().stream()
                  .filter(r -> r.runId().equals(runId))
                  .map(ActionRequested::action))
          .containsExactly(ActionType.ENABLE_ACCOUNT, ActionType.DISMISS_RISK);
      await().atMost(WAIT).until(() -> "RELEASED".equals(containment(contained)));
      release(contained, "once more", 0).statusCode(409).body("detail", containsString("released"));
    }
  }

  @Test
  void aRejectedReleaseWritesNothingAndTheAccountStaysContained() {
    Contained contained = containOne();
    try (TestResponder responder =
        TestResponder.start(contained.prefix(), request -> TestResponder.Answer.succeeded())) {
      String runId = releaseRun(contained, "recovery finished");
      await().atMost(WAIT).until(() -> "WAITING_APPROVAL".equals(Runs.state(runId)));

      Runs.decide(
              Runs.as(Runs.APPROVER, TestJwt.APPROVER),
              runId,
              pendingApproval(runId),
              "reject",
              "the sign-ins from abroad are not explained")
          .statusCode(200);

      await().atMost(WAIT).until(() -> "FAILED".equals(Runs.state(runId)));
      assertThat(responder.requests().stream().filter(r -> r.runId().equals(runId))).isEmpty();
      assertThat(containment(contained)).isEqualTo("CONTAINED");
    }
  }

  /** An account contained in an incident of its own; its object id is a GUID. */
  private record Contained(String prefix, String incidentId, ResolvedAccount account) {}

  private Contained containOne() {
    Runs.putPlaybook(CONTAIN);
    String prefix = UUID.randomUUID().toString().substring(0, 32);
    String incidentId = "INC-release-" + prefix;
    ResolvedAccount account = Accounts.account(prefix, 1);
    try (TestResponder responder =
        TestResponder.start(prefix, request -> TestResponder.Answer.succeeded())) {
      String runId = Runs.start("test-release-contain", incidentId, List.of(account));
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));
    }
    Contained contained = new Contained(prefix, incidentId, account);
    await().atMost(WAIT).until(() -> "CONTAINED".equals(containment(contained)));
    return contained;
  }

  /** Asks for the release; account-service takes the one object id as report {@code reportId}. */
  private String releaseRun(Contained contained, String reason) {
    String reportId = UUID.randomUUID().toString();
    remote.accountService.stubFor(
        WireMock.post(WireMock.urlPathEqualTo("/api/v1/compromise-reports"))
            .withRequestBody(
                WireMock.matchingJsonPath(
                    "$.incident.id", WireMock.equalTo(contained.incidentId())))
            .willReturn(
                WireMock.aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"reportId\":\""
                            + reportId
                            + "\",\"accepted\":1,\"rejected\":[],\"duplicates\":0}")));
    release(contained, reason, 202).body("playbook.name", equalTo("release-account"));
    Runs.publishReport(
        reportId, "release-account", contained.incidentId(), List.of(contained.account()));
    return EventIds.derived("run", reportId);
  }

  private static ValidatableResponse release(Contained contained, String reason, int status) {
    ValidatableResponse response =
        Runs.as(Runs.RESPONDER, TestJwt.RESPONDER)
            .contentType(ContentType.JSON)
            .body(Map.of("reason", reason))
            .post(
                "/api/v1/incidents/"
                    + contained.incidentId()
                    + "/accounts/"
                    + contained.account().objectId()
                    + "/release")
            .then();
    return status == 0 ? response : response.statusCode(status);
  }

  private static String pendingApproval(String runId) {
    JsonPath pending =
        Runs.asViewer()
            .queryParam("state", "pending")
            .queryParam("run", runId)
            .get("/api/v1/approvals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return pending.getString("items[0].id");
  }

  private static String containment(Contained contained) {
    List<Map<String, Object>> items =
        Runs.asViewer()
            .queryParam("limit", 1000)
            .get("/api/v1/incidents/" + contained.incidentId() + "/accounts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.stream()
        .filter(item -> contained.account().objectId().equals(item.get("objectId")))
        .map(item -> String.valueOf(item.get("state")))
        .findFirst()
        .orElse(null);
  }
}
