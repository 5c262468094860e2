package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.local.DevTokens;
import io.cordon.local.demo.CordonApi;
import io.cordon.local.demo.DemoOutcome;
import io.cordon.local.demo.DemoPartners;
import io.cordon.local.demo.DemoRunner;
import io.cordon.local.demo.IncidentCsv;
import io.cordon.local.demo.PartnerInbox;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's demo, end to end over real processes: 200 compromised accounts from a CSV, the
 * built-in playbook, approvals by a second person, signed partner notices. Outcomes are checked
 * against what the graph-simulator saw and what the partners' endpoint received, not against what
 * Cordon says about itself.
 */
class DemoIncidentIT {
  private static final String ALERT_INCIDENT = "defender-incident-4711";
  private static RunningStack running;
  private static DemoOutcome outcome;
  private static Map<String, JsonNode> accountsById;

  @BeforeAll
  static void runTheDemo() throws Exception {
    running = DemoStack.get();
    var options = running.stack.options();
    outcome =
        new DemoRunner(running.stack, System.out, false)
            .run(options.incidentCsv(), options.partnersFile(), running.receiver);
    new DemoRunner(running.stack, System.out, false).printSummary(outcome);
    accountsById = new HashMap<>();
    for (JsonNode account : running.follower.runAccounts(outcome.run().path("id").asText())) {
      accountsById.put(account.path("objectId").asText(), account);
    }
  }

  @Test
  void theRunEndsWithEveryAccountOfTheCsv() {
    assertThat(outcome.run().path("state").asText()).isIn("SUCCEEDED", "PARTIALLY_SUCCEEDED");
    assertThat(outcome.intake().path("accepted").asInt()).isEqualTo(200);
    assertThat(accountsById).hasSize(200);
  }

  @Test
  void everyEligibleAccountIsRevokedAndResetExactlyOnceAtGraph() throws Exception {
    for (JsonNode account : accountsById.values()) {
      JsonNode simulated = running.simulator.user(account.path("objectId").asText());
      String upn = account.path("userPrincipalName").asText();
      boolean guest = simulated.path("userType").asText().equals("Guest");
      boolean synced = simulated.path("onPremisesSyncEnabled").asBoolean();
      assertThat(step(account, "revoke-sessions").path("state").asText())
          .as("revoke of %s", upn)
          .isEqualTo(guest ? "SKIPPED" : "SUCCEEDED");
      assertThat(simulated.path("sessionRevocationCount").asInt())
          .as("revocations of %s seen by Graph", upn)
          .isEqualTo(guest ? 0 : 1);
      if (guest) {
        continue;
      }
      JsonNode reset = step(account, "reset-password");
      if (synced) {
        assertThat(reset.path("state").asText())
            .as("reset of synced %s", upn)
            .isEqualTo("REQUIRES_MANUAL");
        assertThat(reset.path("reasonCode").asText()).isEqualTo("ON_PREMISES_SYNCED");
        assertThat(simulated.path("passwordChangeCount").asInt()).isZero();
      } else {
        assertThat(reset.path("state").asText()).as("reset of %s", upn).isEqualTo("SUCCEEDED");
        assertThat(simulated.path("passwordChangeCount").asInt())
            .as("password changes of %s seen by Graph", upn)
            .isEqualTo(1);
      }
    }
  }

  @Test
  void noGraphCallChangedTheSameThingTwice() throws Exception {
    Map<String, Integer> effectiveCalls = new HashMap<>();
    for (JsonNode entry : running.simulator.journal(null, true)) {
      // a delete names its object (one rule, one grant); other actions are one per user
      String object =
          entry.path("method").asText().equals("DELETE") ? " " + entry.path("path").asText() : "";
      for (JsonNode userId : entry.path("userIds")) {
        effectiveCalls.merge(
            entry.path("action").asText() + " " + userId.asText() + object, 1, Integer::sum);
      }
    }
    assertThat(effectiveCalls).isNotEmpty();
    assertThat(effectiveCalls).allSatisfy((call, count) -> assertThat(count).as(call).isEqualTo(1));
  }

  @Test
  void administratorsAreDisabledOnlyAfterASecondPersonApproved() throws Exception {
    String startedBy = outcome.run().path("startedBy").asText();
    assertThat(startedBy).isEqualTo(DevTokens.PRINCIPALS.get("responder"));
    List<JsonNode> approvals = running.follower.approvals(outcome.run().path("id").asText());
    assertThat(approvals).isNotEmpty();
    for (JsonNode approval : approvals) {
      assertThat(approval.path("state").asText()).isEqualTo("APPROVED");
      assertThat(approval.path("decidedBy").asText())
          .isEqualTo(DevTokens.PRINCIPALS.get("approver"))
          .isNotEqualTo(startedBy);
    }
    int privileged = 0;
    for (JsonNode account : accountsById.values()) {
      JsonNode simulated = running.simulator.user(account.path("objectId").asText());
      if (account.path("privileged").asBoolean()) {
        privileged++;
        assertThat(simulated.path("accountEnabled").asBoolean()).isFalse();
        Instant disabledAt = Instant.parse(simulated.path("accountEnabledChanges").get(0).asText());
        assertThat(disabledAt).isAfter(firstApprovalOf(approvals));
      } else {
        assertThat(simulated.path("accountEnabledChanges"))
            .as(
                "%s is not privileged: Cordon leaves it enabled",
                account.path("userPrincipalName").asText())
            .isEmpty();
      }
    }
    assertThat(privileged).as("the demo incident includes administrators").isPositive();
  }

  @Test
  void eachAffectedPartnerGetsANoticeAndAContainedFollowUpAndTheOtherNone() throws Exception {
    JsonNode partners =
        CordonApi.json().readTree(Files.readString(running.stack.options().partnersFile()));
    int affected = 0;
    for (JsonNode partner : partners) {
      String key = DemoPartners.slug(partner.path("name").asText());
      PartnerInbox inbox = outcome.inboxes().get(key);
      assertThat(inbox.rejectedCount()).as("badly signed deliveries to %s", key).isZero();
      Set<String> noticeIds = noticeIdsOfIncident(inbox, outcome.incidentId());
      if (partner.path("expectedNotice").asBoolean()) {
        affected++;
        assertThat(noticeIds).as("notices of the demo incident received by %s", key).hasSize(2);
      } else {
        assertThat(noticeIds).as("notices received by unaffected %s", key).isEmpty();
      }
    }
    assertThat(affected).isEqualTo(3);
    assertThat(outcome.notices()).hasSize(6);
    // as received: the first while containment was under way, the follow-up once it was done
    for (PartnerInbox inbox : outcome.inboxes().values()) {
      for (JsonNode notice : inbox.notices()) {
        JsonNode data = notice.path("data");
        String status = data.path("exposure").path("status").asText();
        if (data.path("sequence").asInt() == 1) {
          assertThat(status).as("first notice %s", data.path("noticeId")).isEqualTo("IN_PROGRESS");
        } else {
          assertThat(status).as("follow-up %s", data.path("noticeId")).isNotEqualTo("IN_PROGRESS");
        }
      }
    }
  }

  @Test
  void eachAffectedPartnersNoticesCarryItsExposureAndTheCsvsIndicatorsAsStixWithItsTlp()
      throws Exception {
    Set<String> csvIndicators = new HashSet<>();
    for (IncidentCsv.Row row : IncidentCsv.read(running.stack.options().incidentCsv())) {
      row.indicators().forEach(value -> csvIndicators.add(value.toLowerCase(Locale.ROOT)));
    }
    assertThat(csvIndicators).as("the demo CSV names indicators").isNotEmpty();
    JsonNode partners =
        CordonApi.json().readTree(Files.readString(running.stack.options().partnersFile()));
    for (JsonNode partner : partners) {
      if (!partner.path("expectedNotice").asBoolean()) {
        continue;
      }
      String key = DemoPartners.slug(partner.path("name").asText());
      String tlp = "TLP:" + partner.path("tlp").asText().toUpperCase(Locale.ROOT);
      List<JsonNode> notices = new ArrayList<>();
      for (JsonNode notice : outcome.inboxes().get(key).notices()) {
        if (notice.at("/data/incident/id").asText().equals(outcome.incidentId())) {
          notices.add(notice.path("data"));
        }
      }
      assertThat(notices).as("notices to %s", key).hasSize(2);
      for (JsonNode data : notices) {
        String which = key + " notice " + data.path("sequence").asInt();
        assertThat(data.path("tlp").asText()).as(which).isEqualTo(tlp);
        assertThat(data.path("exposure").path("status").asText()).as(which).isNotBlank();
        JsonNode bundle = data.path("stix");
        assertThat(bundle.path("type").asText()).as(which).isEqualTo("bundle");
        String marking = null;
        List<JsonNode> indicators = new ArrayList<>();
        for (JsonNode object : bundle.path("objects")) {
          if (object.path("type").asText().equals("marking-definition")
              && object.path("name").asText().equals(tlp)) {
            marking = object.path("id").asText();
          }
          if (object.path("type").asText().equals("indicator")) {
            indicators.add(object);
          }
        }
        assertThat(marking).as("%s carries the %s marking definition", which, tlp).isNotNull();
        assertThat(indicators).as("indicators for %s", which).isNotEmpty();
        for (JsonNode indicator : indicators) {
          assertThat(indicator.path("spec_version").asText()).isEqualTo("2.1");
          assertThat(indicator.path("pattern_type").asText()).isEqualTo("stix");
          assertThat(texts(indicator.path("object_marking_refs"))).as(which).contains(marking);
          String pattern = indicator.path("pattern").asText().toLowerCase(Locale.ROOT);
          assertThat(csvIndicators.stream().anyMatch(pattern::contains))
              .as("%s: %s names an indicator of the CSV", which, pattern)
              .isTrue();
        }
      }
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  @Test
  void aGraphSecurityAlertSentToDetectionsIsRemediatedLikeTheCsv() throws Exception {
    List<String> members = new ArrayList<>();
    for (JsonNode user : running.simulator.users()) {
      String id = user.path("id").asText();
      if (user.path("kind").asText().equals("member") && !accountsById.containsKey(id)) {
        members.add(id);
      }
      if (members.size() == 3) {
        break;
      }
    }
    assertThat(members).hasSize(3);
    URI detections = running.stack.serviceUrl("account-service").resolve("/api/v1/detections");
    CordonApi.Answer answer =
        running.api.post(
            detections, running.token("detector"), "application/json", securityAlert(members));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
    String reportId = answer.body().path("reportId").asText();
    running.follower.awaitReportSettled(reportId, Duration.ofMinutes(3));
    JsonNode run =
        running.follower.awaitRunOfReport(ALERT_INCIDENT, reportId, Duration.ofMinutes(2));
    String runId = run.path("id").asText();
    // the built-in playbook holds its clean-up of devices, roles and app credentials for a
    // second person
    run =
        running.follower.awaitFinalApproving(
            runId, running.token("approver"), Duration.ofMinutes(5));
    assertThat(run.path("state").asText()).isIn("SUCCEEDED", "PARTIALLY_SUCCEEDED");
    assertThat(run.path("source").asText()).isEqualTo("DETECTION");
    for (String id : members) {
      JsonNode simulated = running.simulator.user(id);
      assertThat(simulated.path("sessionRevocationCount").asInt())
          .as("revocations of %s", id)
          .isEqualTo(1);
      assertThat(simulated.path("passwordChangeCount").asInt()).as("resets of %s", id).isEqualTo(1);
    }
  }

  @Test
  void aRunStartedByObjectIdActsOnWhatTheDirectorySays() throws Exception {
    // a member the demo incident and the alert test leave alone: from the end of the directory
    List<JsonNode> users = new ArrayList<>();
    running.simulator.users().forEach(users::add);
    JsonNode member = null;
    for (int i = users.size() - 1; i >= 0 && member == null; i--) {
      JsonNode user = users.get(i);
      if (user.path("kind").asText().equals("member")
          && !accountsById.containsKey(user.path("id").asText())) {
        member = user;
      }
    }
    assertThat(member).isNotNull();
    String objectId = member.path("id").asText();
    URI runs = running.stack.serviceUrl("playbook-service").resolve("/api/v1/runs");
    String responder = running.token("responder");

    // a label for the approver to see is refused, not passed on
    ObjectNode labelled = CordonApi.json().createObjectNode();
    labelled.put("playbook", "revoke-only").put("incidentId", "INC-MANUAL-RUN");
    labelled
        .putArray("accounts")
        .addObject()
        .put("objectId", objectId)
        .put("userPrincipalName", "intern@jaxa-demo.example");
    CordonApi.Answer refused =
        running.api.post(runs, responder, "application/json", labelled.toString());
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.raw().body()).contains("accounts[0].userPrincipalName");

    ObjectNode body = CordonApi.json().createObjectNode();
    body.put("playbook", "revoke-only").put("incidentId", "INC-MANUAL-RUN");
    body.putArray("accounts").add(objectId);
    CordonApi.Answer started =
        running.api.post(runs, responder, "application/json", body.toString());
    assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
    String location = started.raw().headers().firstValue("Location").orElseThrow();
    String runId = started.body().path("id").asText();
    assertThat(location).endsWith("/api/v1/runs/" + runId);

    JsonNode run = running.follower.run(runId);
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!Set.of("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED")
        .contains(run.path("state").asText())) {
      assertThat(System.nanoTime()).as("run %s final in time", runId).isLessThan(deadline);
      Thread.sleep(1000);
      run = running.follower.run(runId);
    }
    assertThat(run.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.path("startedBy").asText()).isEqualTo(DevTokens.PRINCIPALS.get("responder"));
    List<JsonNode> accounts = running.follower.runAccounts(runId);
    assertThat(accounts).hasSize(1);
    // the account's facts are the directory's, read by account-service
    assertThat(accounts.get(0).path("userPrincipalName").asText())
        .isEqualTo(member.path("userPrincipalName").asText());
    assertThat(running.simulator.user(objectId).path("sessionRevocationCount").asInt())
        .isEqualTo(1);
  }

  private static String securityAlert(List<String> userIds) {
    ObjectNode alert = CordonApi.json().createObjectNode();
    alert.put("@odata.type", "#microsoft.graph.security.alert");
    alert.put("id", "da637551227677560813_-961444813");
    alert.put("incidentId", ALERT_INCIDENT);
    alert.put("title", "Suspicious sign-ins from an anonymising VPN");
    alert.put("severity", "high");
    alert.put("tenantId", "9a3f6c2e-5b1d-4e7a-8c0f-3d2b1a0e9f77");
    ArrayNode evidence = alert.putArray("evidence");
    for (String id : userIds) {
      ObjectNode user = evidence.addObject();
      user.put("@odata.type", "#microsoft.graph.security.userEvidence");
      user.putObject("userAccount").put("azureAdUserId", id);
    }
    return alert.toString();
  }

  private static Set<String> noticeIdsOfIncident(PartnerInbox inbox, String incidentId) {
    Set<String> ids = new HashSet<>();
    for (JsonNode notice : inbox.notices()) {
      if (notice.path("data").path("incident").path("id").asText().equals(incidentId)) {
        ids.add(notice.path("data").path("noticeId").asText());
      }
    }
    return ids;
  }

  private static Instant firstApprovalOf(List<JsonNode> approvals) {
    return approvals.stream()
        .map(a -> Instant.parse(a.path("decidedAt").asText()))
        .min(Instant::compareTo)
        .orElseThrow();
  }

  private static JsonNode step(JsonNode account, String stepId) {
    for (JsonNode step : account.path("steps")) {
      if (step.path("stepId").asText().equals(stepId)) {
        return step;
      }
    }
    throw new AssertionError(
        "no step " + stepId + " for " + account.path("userPrincipalName").asText());
  }
}
