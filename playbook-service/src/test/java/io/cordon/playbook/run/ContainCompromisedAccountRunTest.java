package io.cordon.playbook.run;

import static io.cordon.playbook.run.Runs.APPROVER;
import static io.cordon.playbook.run.Runs.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
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
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenario: a compromise report of 600 accounts, published in two chunks,
 * runs the built-in contain-compromised-account playbook against a responder that answers like
 * account-service.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class ContainCompromisedAccountRunTest {
  private static final Logger LOG = Logger.getLogger(ContainCompromisedAccountRunTest.class);
  private static final int ACCOUNTS = 600;
  private static final int PRIVILEGED = 24;
  private static final int SYNCED = 60;
  private static final int GUESTS = 15;
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  // status reads compete with the engine for two cores: look twice a second, not ten times
  private static final Duration POLL = Duration.ofMillis(500);

  private final List<String> violations = new CopyOnWriteArrayList<>();

  /** account-service's behaviour as DESIGN §5 describes it. */
  private TestResponder.Answer accountService(ActionRequested request) {
    int i = Accounts.index(request.account().objectId());
    return switch (request.action()) {
      case REVOKE_SESSIONS ->
          Accounts.isGuest(i)
              ? new TestResponder.Answer(
                  ActionOutcome.SKIPPED,
                  ReasonCode.GUEST_ACCOUNT,
                  "sessions live in the home tenant")
              : TestResponder.Answer.succeeded();
      case RESET_PASSWORD ->
          Accounts.isSynced(i)
              ? new TestResponder.Answer(
                  ActionOutcome.REQUIRES_MANUAL,
                  ReasonCode.ON_PREMISES_SYNCED,
                  "reset it in on-premises AD")
              : TestResponder.Answer.succeeded();
      case DISABLE_ACCOUNT -> {
        if (!Accounts.isPrivileged(i)) {
          violations.add("DISABLE_ACCOUNT requested for unprivileged " + request.account());
        }
        yield TestResponder.Answer.succeeded();
      }
      default -> TestResponder.Answer.succeeded();
    };
  }

  @Test
  void reportInTwoChunksRunsTheBuiltInPlaybookOverEveryAccount() throws Exception {
    long startedNanos = System.nanoTime();
    String prefix = "cca-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String reportId = "report-" + prefix;
    String incident = "INC-" + prefix;
    List<ResolvedAccount> accounts = Accounts.generate(prefix, ACCOUNTS);
    List<CompromiseReported> chunks =
        CompromiseReported.chunked(
            reportId,
            new IncidentRef(incident, "VPN intrusion, cloud accounts leaked", Severity.HIGH),
            accounts,
            null,
            ReportSource.MANUAL,
            RESPONDER,
            TestJwt.identityOf(RESPONDER),
            Instant.now());
    assertThat(chunks).hasSize(2);

    try (TestResponder responder = TestResponder.start(prefix, this::accountService);
        KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(Topics.COMPROMISE_REPORTS, reportId, EventJson.write(chunks.get(0)));
      String runId = awaitRunOf(incident);

      // chunk 1 of 2: its accounts are contained without waiting for the rest of the report
      // (revoke, confirm, reset are per account), then wait at the notify step, which is the run's
      await()
          .atMost(WAIT)
          .pollInterval(POLL)
          .until(() -> finalCount(runId, "reset-password") == 500);
      LOG.infof("Chunk 1 contained after %d ms", elapsedMs(startedNanos));
      JsonPath halfway = Runs.run(runId);
      assertThat(halfway.getInt("accounts")).isEqualTo(500);
      assertThat(halfway.getInt("chunks.received")).isEqualTo(1);
      assertThat(halfway.getInt("chunks.expected")).isEqualTo(2);
      assertThat(halfway.getString("state")).isEqualTo("RUNNING");
      assertThat(finalCount(runId, "confirm-compromised")).isEqualTo(500);
      assertThat(Runs.count(runId, "remove-mail-rules", "WAITING")).isEqualTo(500);
      // the user risk is confirmed before the reset, which then remediates it
      assertConfirmedBeforeReset(responder);
      assertThat(responder.requests())
          .noneMatch(request -> request.action() == ActionType.REMOVE_MAIL_RULES);

      kafka.send(Topics.COMPROMISE_REPORTS, reportId, EventJson.write(chunks.get(1)));

      // everything that needs no approval finishes; then the run waits for an approver
      await()
          .atMost(WAIT)
          .pollInterval(POLL)
          .until(() -> "WAITING_APPROVAL".equals(Runs.state(runId)));
      LOG.infof("Waiting for approval after %d ms", elapsedMs(startedNanos));
      JsonPath waiting = Runs.run(runId);
      assertThat(waiting.getInt("accounts")).isEqualTo(ACCOUNTS);
      assertThat(waiting.getMap("counts")).doesNotContainKeys("PENDING", "IN_PROGRESS");
      assertThat(Runs.count(runId, "disable-privileged-account", "WAITING_APPROVAL"))
          .isEqualTo(PRIVILEGED);
      assertThat(Runs.count(runId, "disable-privileged-account", "SKIPPED"))
          .isEqualTo(ACCOUNTS - PRIVILEGED);
      // partners were told before the approval: the notify step comes before the disable step
      assertThat(Runs.count(runId, "notify-partners", "SUCCEEDED")).isEqualTo(1);
      assertThat(responder.requests()).noneMatch(r -> r.action() == ActionType.DISABLE_ACCOUNT);

      JsonPath pending =
          Runs.asViewer()
              .queryParam("state", "pending")
              .queryParam("run", runId)
              .get("/api/v1/approvals")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      // the privileged accounts wait at their disable, the others at the disable of devices
      assertThat(pending.getList("items.stepId"))
          .containsExactlyInAnyOrder("disable-privileged-account", "disable-devices");
      String disable = "items.find { it.stepId == 'disable-privileged-account' }";
      String approvalId = pending.getString(disable + ".id");
      assertThat(pending.getInt(disable + ".accountCount")).isEqualTo(PRIVILEGED);
      assertThat(pending.getString(disable + ".startedBy")).isEqualTo(RESPONDER);
      assertThat(pending.getList(disable + ".accounts.userPrincipalName")).hasSize(PRIVILEGED);
      assertThat(responder.requests())
          .noneMatch(
              r ->
                  r.action() == ActionType.DISABLE_DEVICES
                      || r.action() == ActionType.REMOVE_PRIVILEGED_ROLES
                      || r.action() == ActionType.REMOVE_APP_CREDENTIALS);

      // four eyes: the reporter holds the approver role too, and is still refused
      Runs.as(RESPONDER, TestJwt.RESPONDER, TestJwt.APPROVER)
          .contentType(ContentType.JSON)
          .body(Map.of("decision", "approve", "comment", "my own run", "accountCount", PRIVILEGED))
          .post("/api/v1/runs/" + runId + "/approvals/" + approvalId)
          .then()
          .statusCode(403)
          .contentType("application/problem+json")
          .body("detail", containsString("Four eyes"))
          .body("detail", containsString(RESPONDER));
      assertThat(Runs.state(runId)).isEqualTo("WAITING_APPROVAL");

      Instant approvedAt = Instant.now();
      Runs.as(APPROVER, TestJwt.APPROVER)
          .contentType(ContentType.JSON)
          .body(
              Map.of("decision", "approve", "comment", "disable them", "accountCount", PRIVILEGED))
          .post("/api/v1/runs/" + runId + "/approvals/" + approvalId)
          .then()
          .statusCode(200)
          .body("state", equalTo("APPROVED"))
          .body("decidedBy", equalTo(APPROVER));

      // the clean-up steps held for approval are approved by the same second person
      await()
          .atMost(WAIT)
          .pollInterval(POLL)
          .until(
              () -> {
                approveEveryPending(runId);
                return Runs.run(runId).getString("finishedAt") != null;
              });
      LOG.infof("Run over %d accounts finished after %d ms", ACCOUNTS, elapsedMs(startedNanos));

      assertRunOutcome(runId, incident);
      assertEveryAccount(runId);
      assertRequests(responder, approvedAt);
      assertNotification(kafka, runId);
      assertStatusEvents(kafka, runId);
      assertThat(violations).isEmpty();
    }
  }

  private void assertRunOutcome(String runId, String incident) {
    JsonPath run = Runs.run(runId);
    assertThat(run.getString("state")).isEqualTo("PARTIALLY_SUCCEEDED");
    assertThat(run.getString("playbook.name")).isEqualTo("contain-compromised-account");
    assertThat(run.getString("startedBy")).isEqualTo(RESPONDER);
    assertThat(run.getLong("durationMs")).isPositive();
    assertThat(run.getList("steps.finished")).containsOnly(true);
    assertThat(run.getList("steps.finishedAt")).doesNotContainNull();
    assertThat(Runs.count(runId, "revoke-sessions", "SUCCEEDED")).isEqualTo(ACCOUNTS - GUESTS);
    assertThat(Runs.count(runId, "revoke-sessions", "SKIPPED")).isEqualTo(GUESTS);
    assertThat(Runs.count(runId, "reset-password", "REQUIRES_MANUAL")).isEqualTo(SYNCED);
    assertThat(Runs.count(runId, "reset-password", "SUCCEEDED")).isEqualTo(ACCOUNTS - SYNCED);
    assertThat(Runs.count(runId, "confirm-compromised", "SUCCEEDED")).isEqualTo(ACCOUNTS);
    assertThat(Runs.count(runId, "disable-privileged-account", "SUCCEEDED")).isEqualTo(PRIVILEGED);
    assertThat(Runs.count(runId, "notify-partners", "SUCCEEDED")).isEqualTo(1);
    assertThat(Runs.count(runId, "remove-app-credentials", "SUCCEEDED")).isEqualTo(ACCOUNTS);

    JsonPath byIncident =
        Runs.asViewer()
            .queryParam("incident", incident)
            .queryParam("status", "partially_succeeded,failed")
            .get("/api/v1/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(byIncident.getList("items.id")).containsExactly(runId);
    assertThat(byIncident.getLong("items[0].progress.done"))
        .isEqualTo(byIncident.getLong("items[0].progress.total"));
    JsonPath succeededOnly =
        Runs.asViewer()
            .queryParam("incident", incident)
            .queryParam("status", "SUCCEEDED")
            .get("/api/v1/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(succeededOnly.getList("items")).isEmpty();
  }

  private void assertEveryAccount(String runId) {
    List<Map<String, Object>> accounts = Runs.accounts(runId, 250);
    assertThat(accounts).hasSize(ACCOUNTS);
    for (Map<String, Object> account : accounts) {
      int i = Accounts.index((String) account.get("objectId"));
      Map<String, Object> revoke = Runs.step(account, "revoke-sessions");
      Map<String, Object> reset = Runs.step(account, "reset-password");
      Map<String, Object> disable = Runs.step(account, "disable-privileged-account");
      if (Accounts.isGuest(i)) {
        assertThat(revoke)
            .containsEntry("state", "SKIPPED")
            .containsEntry("reasonCode", "GUEST_ACCOUNT");
      } else {
        assertThat(revoke)
            .as("revoke of %s", account.get("objectId"))
            .containsEntry("state", "SUCCEEDED");
      }
      if (Accounts.isSynced(i)) {
        assertThat(reset)
            .containsEntry("state", "REQUIRES_MANUAL")
            .containsEntry("reasonCode", "ON_PREMISES_SYNCED");
      } else {
        assertThat(reset).containsEntry("state", "SUCCEEDED");
      }
      if (Accounts.isPrivileged(i)) {
        assertThat(disable).containsEntry("state", "SUCCEEDED");
        assertThat(disable.get("approvalId")).isNotNull();
      } else {
        assertThat(disable)
            .containsEntry("state", "SKIPPED")
            .containsEntry("reasonCode", "CONDITION_NOT_MET");
      }
      for (String step :
          List.of(
              "confirm-compromised",
              "remove-mail-rules",
              "remove-mfa-methods",
              "revoke-oauth-grants",
              "remove-app-consents",
              "disable-devices",
              "remove-privileged-roles",
              "remove-app-credentials")) {
        assertThat(Runs.step(account, step)).containsEntry("state", "SUCCEEDED");
      }
    }
  }

  private void assertRequests(TestResponder responder, Instant approvedAt) {
    List<ActionRequested> requests = responder.requests();
    Map<ActionType, Long> perAction =
        requests.stream()
            .collect(Collectors.groupingBy(ActionRequested::action, Collectors.counting()));
    assertThat(perAction)
        .containsEntry(ActionType.REVOKE_SESSIONS, (long) ACCOUNTS)
        .containsEntry(ActionType.RESET_PASSWORD, (long) ACCOUNTS)
        .containsEntry(ActionType.CONFIRM_COMPROMISED, (long) ACCOUNTS)
        .containsEntry(ActionType.REMOVE_MAIL_RULES, (long) ACCOUNTS)
        .containsEntry(ActionType.REMOVE_MFA_METHODS, (long) ACCOUNTS)
        .containsEntry(ActionType.REVOKE_OAUTH_GRANTS, (long) ACCOUNTS)
        .containsEntry(ActionType.REMOVE_APP_CONSENTS, (long) ACCOUNTS)
        .containsEntry(ActionType.DISABLE_DEVICES, (long) ACCOUNTS)
        .containsEntry(ActionType.REMOVE_PRIVILEGED_ROLES, (long) ACCOUNTS)
        .containsEntry(ActionType.REMOVE_APP_CREDENTIALS, (long) ACCOUNTS)
        .containsEntry(ActionType.DISABLE_ACCOUNT, (long) PRIVILEGED)
        .doesNotContainKey(ActionType.NOTIFY_PARTNERS);
    // every action requested exactly once
    assertThat(responder.requestsPerActionId().values()).containsOnly(1L);
    assertThat(responder.requestsPerActionId()).hasSize(10 * ACCOUNTS + PRIVILEGED);
    assertThat(responder.received())
        .filteredOn(
            r ->
                Set.of(
                        ActionType.DISABLE_ACCOUNT,
                        ActionType.DISABLE_DEVICES,
                        ActionType.REMOVE_PRIVILEGED_ROLES,
                        ActionType.REMOVE_APP_CREDENTIALS)
                    .contains(r.request().action()))
        .allMatch(r -> !r.at().isBefore(approvedAt));
  }

  private void assertNotification(KafkaTestClient kafka, String runId) throws Exception {
    List<JsonNode> notices = new ArrayList<>();
    for (ConsumerRecord<String, String> record : kafka.readAll(Topics.PARTNER_NOTIFICATIONS)) {
      JsonNode notice = JSON.readTree(record.value());
      if (runId.equals(notice.path("runSummary").path("runId").asText())) {
        notices.add(notice);
      }
    }
    // the notify step's request, and the closing one with the final figures when the run ended
    assertThat(notices).hasSize(2);
    JsonNode notice =
        notices.stream()
            .filter(n -> !n.path("notificationId").asText().endsWith(":closing"))
            .findFirst()
            .orElseThrow();
    JsonNode closing =
        notices.stream()
            .filter(n -> n.path("notificationId").asText().endsWith(":closing"))
            .findFirst()
            .orElseThrow();
    assertThat(notice.path("runSummary").path("state").asText()).isEqualTo("RUNNING");
    assertThat(closing.path("runSummary").path("state").asText()).isEqualTo("PARTIALLY_SUCCEEDED");
    assertThat(closing.path("affectedAccounts")).hasSize(ACCOUNTS);
    Map<String, Integer> containment = new java.util.TreeMap<>();
    int privileged = 0;
    for (JsonNode account : closing.path("affectedAccounts")) {
      containment.merge(account.path("containment").asText(), 1, Integer::sum);
      privileged += account.path("privileged").asBoolean() ? 1 : 0;
      if ("CONTAINED".equals(account.path("containment").asText())) {
        assertThat(account.path("containedAt").isTextual()).isTrue();
      }
    }
    assertThat(privileged).isEqualTo(PRIVILEGED);
    assertThat(containment)
        .containsEntry("REQUIRES_MANUAL", SYNCED)
        .containsEntry("CONTAINED", ACCOUNTS - SYNCED);
    // partners are told once sessions and passwords are dealt with: every account's later steps
    // are still to come, so its containment is in progress
    Map<String, Integer> containmentWhenNotified = new java.util.TreeMap<>();
    notice
        .path("affectedAccounts")
        .forEach(
            a -> containmentWhenNotified.merge(a.path("containment").asText(), 1, Integer::sum));
    assertThat(containmentWhenNotified).containsOnly(Map.entry("IN_PROGRESS", ACCOUNTS));
    assertThat(notice.path("runSummary").path("accountsTotal").asInt()).isEqualTo(ACCOUNTS);
    assertThat(notice.path("affectedAccounts")).hasSize(ACCOUNTS);
    assertThat(texts(notice.path("affectedScopes").path("groups"), "id"))
        .containsExactly("g-h3", "g-liaison");
    assertThat(texts(notice.path("affectedScopes").path("domains"), null))
        .containsExactly("jaxa.example", "partner.example");
    Map<String, Integer> counts = new java.util.HashMap<>();
    notice
        .path("scopeCounts")
        .forEach(
            c ->
                counts.put(
                    c.path("scopeType").asText() + ":" + c.path("scope").asText(),
                    c.path("accounts").asInt()));
    assertThat(counts)
        .containsEntry("group:g-h3", 200)
        .containsEntry("group:g-liaison", 86)
        .containsEntry("domain:jaxa.example", ACCOUNTS - GUESTS)
        .containsEntry("domain:partner.example", GUESTS);
    // the final figures are the closing request's
    Map<String, JsonNode> tallies = new java.util.HashMap<>();
    closing.path("actionsTaken").forEach(t -> tallies.put(t.path("action").asText(), t));
    assertThat(tallies.get("RESET_PASSWORD").path("succeeded").asInt())
        .isEqualTo(ACCOUNTS - SYNCED);
    assertThat(tallies.get("RESET_PASSWORD").path("requiresManual").asInt()).isEqualTo(SYNCED);
    assertThat(tallies.get("REVOKE_SESSIONS").path("skipped").asInt()).isEqualTo(GUESTS);
    // a step `when` excluded an account from was not an action taken on it
    assertThat(tallies.get("DISABLE_ACCOUNT").path("succeeded").asInt()).isEqualTo(PRIVILEGED);
    assertThat(tallies.get("DISABLE_ACCOUNT").path("skipped").asInt()).isZero();
    assertThat(tallies).doesNotContainKey("NOTIFY_PARTNERS");
  }

  private void assertStatusEvents(KafkaTestClient kafka, String runId) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (ConsumerRecord<String, String> record : kafka.readAll(Topics.REMEDIATION_EVENTS)) {
      if (runId.equals(record.key())) {
        events.add(JSON.readTree(record.value()));
      }
    }
    List<String> runStates =
        events.stream()
            .filter(e -> "RUN_STATE_CHANGED".equals(e.path("kind").asText()))
            .map(e -> e.path("runState").asText())
            .toList();
    assertThat(runStates).contains("WAITING_APPROVAL");
    assertThat(runStates.get(runStates.size() - 1)).isEqualTo("PARTIALLY_SUCCEEDED");
    int requested = indexOf(events, "APPROVAL_REQUESTED");
    int waiting = runStates.isEmpty() ? -1 : indexOfState(events, "WAITING_APPROVAL");
    assertThat(requested).isNotNegative().isLessThan(waiting);
    // while the privileged accounts waited for an approver, the other accounts went on
    assertThat(events.subList(requested, waiting))
        .anyMatch(
            e ->
                "ACCOUNT_STEP_CHANGED".equals(e.path("kind").asText())
                    && !"disable-privileged-account".equals(e.path("stepId").asText()));
    assertThat(events).anyMatch(e -> "APPROVAL_DECIDED".equals(e.path("kind").asText()));
    assertThat(events)
        .filteredOn(e -> "STEP_PROGRESS".equals(e.path("kind").asText()))
        .extracting(e -> e.path("stepId").asText())
        .doesNotHaveDuplicates()
        .hasSize(12);
  }

  /** Approves, as the second person, every approval of the run that is pending now. */
  private static void approveEveryPending(String runId) {
    JsonPath pending =
        Runs.asViewer()
            .queryParam("state", "pending")
            .queryParam("run", runId)
            .get("/api/v1/approvals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = pending.getList("items");
    for (Map<String, Object> approval : items) {
      // 409: accounts joined it since it was read; it is read again on the next round
      Runs.as(APPROVER, TestJwt.APPROVER)
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "decision",
                  "approve",
                  "comment",
                  "clean up",
                  "accountCount",
                  approval.get("accountCount")))
          .post("/api/v1/runs/" + runId + "/approvals/" + approval.get("id"))
          .then()
          .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(409)));
    }
  }

  private static long elapsedMs(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static int indexOf(List<JsonNode> events, String kind) {
    for (int i = 0; i < events.size(); i++) {
      if (kind.equals(events.get(i).path("kind").asText())) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfState(List<JsonNode> events, String state) {
    for (int i = 0; i < events.size(); i++) {
      if ("RUN_STATE_CHANGED".equals(events.get(i).path("kind").asText())
          && state.equals(events.get(i).path("runState").asText())) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(field == null ? node.asText() : node.path(field).asText()));
    return texts;
  }

  /** Executions of a step that are final, read in one request. */
  /** Each account's reset was requested only after its confirmation had been. */
  private static void assertConfirmedBeforeReset(TestResponder responder) {
    Set<String> confirmed = new java.util.HashSet<>();
    for (ActionRequested request : responder.requests()) {
      if (request.action() == ActionType.CONFIRM_COMPROMISED) {
        confirmed.add(request.account().objectId());
      } else if (request.action() == ActionType.RESET_PASSWORD) {
        assertThat(confirmed)
            .as("confirmed before the reset of %s", request.account().objectId())
            .contains(request.account().objectId());
      }
    }
  }

  private static int finalCount(String runId, String stepId) {
    Map<String, Integer> counts =
        Runs.run(runId).getMap("steps.find { it.id == '" + stepId + "' }.counts");
    return List.of("SUCCEEDED", "SKIPPED", "REQUIRES_MANUAL", "FAILED").stream()
        .mapToInt(state -> counts.getOrDefault(state, 0))
        .sum();
  }

  private static String awaitRunOf(String incident) {
    return await()
        .atMost(WAIT)
        .pollInterval(POLL)
        .until(
            () ->
                Runs.asViewer()
                    .queryParam("incident", incident)
                    .get("/api/v1/runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("items[0].id"),
            id -> id != null);
  }
}
