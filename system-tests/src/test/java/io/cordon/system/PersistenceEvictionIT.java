package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.DevTokens;
import io.cordon.local.demo.CordonApi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's "done when" over real processes: on the simulator's demo tenant two accounts carry
 * every kind of persistence an attacker leaves (the demo user with an app secret, an app consent
 * and a device from yesterday; the first administrator with an Authenticator from yesterday, a rule
 * hiding security mail, a PIM-eligible role and a role-assignable group). A CSV naming both, with a
 * {@code first_seen} five days ago, runs the built-in playbook; a second person approves what it
 * holds for approval. What was removed, and that nothing older than the window was touched, is read
 * from the graph-simulator, not from Cordon.
 */
class PersistenceEvictionIT {
  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final Set<String> HIDING_ACTIONS =
      Set.of("markAsRead", "delete", "permanentDelete");

  private static RunningStack running;
  private static Instant windowStart;
  private static JsonNode userBefore;
  private static JsonNode adminBefore;
  private static JsonNode userAfter;
  private static JsonNode adminAfter;
  private static JsonNode run;
  private static String incidentId;

  @BeforeAll
  static void runTheBuiltInPlaybook() throws Exception {
    running = RunningStack.start("persistence");
    String userId = null;
    String adminId = null;
    int read = 0;
    for (JsonNode summary : running.simulator.users()) {
      String id = summary.path("id").asText();
      // the demo user who owns an app is among the first of the tenant
      if (userId == null && read++ < 20) {
        JsonNode user = running.simulator.user(id);
        if (!user.at("/persistence/ownedApps").isEmpty()) {
          userId = id;
        }
      }
      if (adminId == null && summary.path("kind").asText().equals("admin")) {
        adminId = id;
      }
      if (userId != null && adminId != null) {
        break;
      }
    }
    assertThat(userId).as("the demo user who owns an app").isNotNull();
    assertThat(adminId).as("the first administrator").isNotNull();
    userBefore = running.simulator.user(userId);
    adminBefore = running.simulator.user(adminId);

    windowStart = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
    incidentId = "INC-persistence-" + System.currentTimeMillis();
    String csv =
        "account,first_seen\n"
            + userBefore.path("userPrincipalName").asText()
            + ","
            + windowStart
            + "\n"
            + adminBefore.path("userPrincipalName").asText()
            + ","
            + windowStart
            + "\n";
    URI reports =
        running
            .stack
            .serviceUrl("account-service")
            .resolve(
                "/api/v1/compromise-reports?incidentId="
                    + URLEncoder.encode(incidentId, StandardCharsets.UTF_8));
    CordonApi.Answer submitted =
        running.api.post(reports, running.token("responder"), "text/csv", csv);
    assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(202);
    String reportId = submitted.body().path("reportId").asText();
    running.follower.awaitReportSettled(reportId, WAIT);
    String runId =
        running.follower.awaitRunOfReport(incidentId, reportId, WAIT).path("id").asText();
    run = running.follower.awaitFinalApproving(runId, running.token("approver"), WAIT);
    userAfter = running.simulator.user(userId);
    adminAfter = running.simulator.user(adminId);
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void theBuiltInPlaybookRanEveryCleanUpStepForBothAccounts() throws Exception {
    assertThat(run.path("playbook").path("name").asText()).isEqualTo("contain-compromised-account");
    assertThat(run.path("state").asText()).isIn("SUCCEEDED", "PARTIALLY_SUCCEEDED");
    List<JsonNode> accounts = running.follower.runAccounts(run.path("id").asText());
    assertThat(accounts).hasSize(2);
    for (JsonNode account : accounts) {
      Set<String> steps = new HashSet<>();
      for (JsonNode step : account.path("steps")) {
        steps.add(step.path("stepId").asText());
        assertThat(step.path("state").asText())
            .as("%s %s", account.path("userPrincipalName").asText(), step.path("stepId").asText())
            .isIn("SUCCEEDED", "SKIPPED", "REQUIRES_MANUAL");
      }
      assertThat(steps)
          .contains(
              "remove-mail-rules",
              "remove-mfa-methods",
              "revoke-oauth-grants",
              "remove-app-consents",
              "disable-devices",
              "remove-privileged-roles",
              "remove-app-credentials");
    }
  }

  @Test
  void theAppSecretAddedInTheWindowIsRemovedAndTheOlderOneKept() {
    List<JsonNode> before = credentials(userBefore);
    List<JsonNode> after = credentials(userAfter);
    assertThat(before).as("the seeded secrets").hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode secret : before) {
      boolean inWindow =
          !Instant.parse(secret.path("startDateTime").asText()).isBefore(windowStart);
      assertThat(ids(after, "keyId").contains(secret.path("keyId").asText()))
          .as("secret %s (%s)", secret.path("displayName").asText(), secret.path("startDateTime"))
          .isEqualTo(!inWindow);
    }
    assertThat(before)
        .anyMatch(s -> !Instant.parse(s.path("startDateTime").asText()).isBefore(windowStart))
        .anyMatch(s -> Instant.parse(s.path("startDateTime").asText()).isBefore(windowStart));
  }

  @Test
  void theAppConsentAndTheDelegatedGrantsAreGone() {
    assertThat(userBefore.at("/persistence/appRoleAssignments")).isNotEmpty();
    assertThat(userAfter.at("/persistence/appRoleAssignments")).isEmpty();
    assertThat(userBefore.path("oauth2PermissionGrants")).isNotEmpty();
    assertThat(userAfter.path("oauth2PermissionGrants")).isEmpty();
  }

  @Test
  void theDeviceRegisteredInTheWindowIsDisabledAndTheOlderOneLeftEnabled() {
    List<JsonNode> before = list(userBefore.at("/persistence/devices"));
    assertThat(before).hasSizeGreaterThanOrEqualTo(2);
    assertThat(before).allMatch(device -> device.path("accountEnabled").asBoolean());
    for (JsonNode device : list(userAfter.at("/persistence/devices"))) {
      boolean inWindow =
          !Instant.parse(device.path("registrationDateTime").asText()).isBefore(windowStart);
      assertThat(device.path("accountEnabled").asBoolean())
          .as("device %s", device.path("displayName").asText())
          .isEqualTo(!inWindow);
    }
    assertThat(list(userAfter.at("/persistence/devices")))
        .anyMatch(device -> !device.path("accountEnabled").asBoolean())
        .anyMatch(device -> device.path("accountEnabled").asBoolean());
  }

  @Test
  void theAuthenticatorRegisteredInTheWindowIsRemovedAndOlderMethodsKept() {
    Set<String> remaining = ids(list(adminAfter.path("authenticationMethods")), "id");
    boolean attackersSeen = false;
    for (JsonNode method : adminBefore.path("authenticationMethods")) {
      String created = method.path("createdDateTime").asText();
      String id = method.path("id").asText();
      if (created.isEmpty()) {
        // Graph gives no creation time: named for a person, never removed by Cordon
        assertThat(remaining).as("undated %s", method.path("type").asText()).contains(id);
      } else if (Instant.parse(created).isBefore(windowStart)) {
        assertThat(remaining).as("%s from %s", method.path("type"), created).contains(id);
      } else {
        attackersSeen = true;
        assertThat(remaining).as("%s from %s", method.path("type"), created).doesNotContain(id);
      }
    }
    assertThat(attackersSeen).as("the attacker's Authenticator was seeded").isTrue();
  }

  @Test
  void theHidingRuleIsRemovedAndFilingRulesKept() {
    Set<String> remaining = ids(list(adminAfter.path("messageRules")), "id");
    boolean hidingSeen = false;
    for (JsonNode rule : adminBefore.path("messageRules")) {
      Set<String> actions = new HashSet<>();
      rule.path("actions").forEach(action -> actions.add(action.asText()));
      boolean hides = actions.stream().anyMatch(HIDING_ACTIONS::contains);
      if (hides) {
        hidingSeen = true;
        assertThat(remaining)
            .as("hiding rule %s", rule.path("id"))
            .doesNotContain(rule.path("id").asText());
      } else if (!rule.path("forwards").asBoolean() && !actions.contains("moveToFolder")) {
        assertThat(remaining)
            .as("rule %s", rule.path("displayName"))
            .contains(rule.path("id").asText());
      }
    }
    assertThat(hidingSeen).as("the hiding rule was seeded").isTrue();
    for (JsonNode rule : adminBefore.path("messageRules")) {
      if (rule.path("displayName").asText().equals("Newsletters")) {
        assertThat(remaining).as("the filing rule").contains(rule.path("id").asText());
      }
    }
  }

  @Test
  void theEligibleRoleAndTheRoleAssignableGroupAreGone() {
    assertThat(adminBefore.at("/persistence/roleSchedules"))
        .anyMatch(schedule -> schedule.path("eligible").asBoolean());
    assertThat(adminAfter.at("/persistence/roleSchedules")).isEmpty();
    assertThat(adminBefore.path("groups"))
        .anyMatch(group -> group.path("displayName").asText().equals("Tier 0 Operators"));
    assertThat(adminAfter.path("groups"))
        .noneMatch(group -> group.path("displayName").asText().equals("Tier 0 Operators"));
    assertThat(adminAfter.path("directoryRoles")).isEmpty();
  }

  @Test
  void whatTheRunHeldForApprovalWasApprovedByASecondPerson() throws Exception {
    List<JsonNode> approvals = running.follower.approvals(run.path("id").asText());
    Set<String> steps = new HashSet<>();
    Instant firstApproval = Instant.MAX;
    for (JsonNode approval : approvals) {
      steps.add(approval.path("stepId").asText());
      assertThat(approval.path("state").asText()).isEqualTo("APPROVED");
      assertThat(approval.path("decidedBy").asText())
          .isEqualTo(DevTokens.PRINCIPALS.get("approver"))
          .isNotEqualTo(run.path("startedBy").asText());
      Instant decided = Instant.parse(approval.path("decidedAt").asText());
      firstApproval = decided.isBefore(firstApproval) ? decided : firstApproval;
    }
    assertThat(steps)
        .contains(
            "disable-privileged-account",
            "disable-devices",
            "remove-privileged-roles",
            "remove-app-credentials");
    // the writes those steps make reached Graph only after an approver agreed
    Instant approved = firstApproval;
    for (JsonNode entry : running.simulator.journal(null, true)) {
      String path = entry.path("path").asText();
      if (path.contains("removePassword")
          || path.contains("/devices/")
          || path.contains("ScheduleRequests")) {
        assertThat(Instant.parse(entry.path("time").asText()))
            .as("%s %s", entry.path("method").asText(), path)
            .isAfter(approved);
      }
    }
  }

  @Test
  void bothAccountsAreContainedAndTheirFollowUpIsNamed() throws Exception {
    for (JsonNode before : List.of(userBefore, adminBefore)) {
      String upn = before.path("userPrincipalName").asText();
      JsonNode story =
          running.api.get(
              running
                  .stack
                  .serviceUrl("playbook-service")
                  .resolve("/api/v1/accounts/" + URLEncoder.encode(upn, StandardCharsets.UTF_8)),
              running.token("viewer"));
      JsonNode membership = story.path("incidents").get(0);
      assertThat(membership.path("incidentId").asText()).isEqualTo(incidentId);
      JsonNode account = membership.path("account");
      assertThat(account.path("state").asText()).as(upn).isEqualTo("CONTAINED");
      boolean leftForAPerson = false;
      for (JsonNode action : story.path("actions")) {
        leftForAPerson |= action.path("state").asText().equals("REQUIRES_MANUAL");
      }
      assertThat(account.path("reason").asText(null))
          .as("follow-up of %s", upn)
          .isEqualTo(leftForAPerson ? "LEFT_FOR_MANUAL" : null);
    }
  }

  private static List<JsonNode> credentials(JsonNode user) {
    List<JsonNode> credentials = new ArrayList<>();
    for (JsonNode app : user.at("/persistence/ownedApps")) {
      app.path("passwordCredentials").forEach(credentials::add);
    }
    return credentials;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static Set<String> ids(List<JsonNode> items, String field) {
    Function<JsonNode, String> id = item -> item.path(field).asText();
    Set<String> ids = new HashSet<>();
    items.forEach(item -> ids.add(id.apply(item)));
    return ids;
  }
}
