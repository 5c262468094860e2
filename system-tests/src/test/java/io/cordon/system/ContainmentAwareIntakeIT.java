package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.local.demo.CordonApi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 over real processes: a CSV contains two accounts; a late Entra risk detection about
 * sign-ins from before the containment changes nothing at Graph and is attached to the account; one
 * about activity after the containment contains the account again, exactly once. What Graph did is
 * read from the graph-simulator, not from Cordon. Then one account in two incidents, and a paused
 * run that stays paused across a restart of playbook-service.
 */
class ContainmentAwareIntakeIT {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final Set<String> FINAL =
      Set.of("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED");

  private static RunningStack running;

  @BeforeAll
  static void start() throws Exception {
    running = RunningStack.start("containment");
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void lateEvidenceIsAttachedAndOnlyLaterActivityContainsAgain() throws Exception {
    List<JsonNode> members = members(2);
    JsonNode target = members.get(0);
    String id = target.path("id").asText();
    String upn = target.path("userPrincipalName").asText();
    String incidentId = "INC-containment-" + UUID.randomUUID().toString().substring(0, 8);

    String csvReport =
        submitCsv(
            incidentId,
            "account\n" + upn + "\n" + members.get(1).path("userPrincipalName").asText() + "\n");
    awaitFinalRun(incidentId, csvReport);
    awaitIncident(incidentId, incident -> incident.path("state").asText().equals("CONTAINED"));
    JsonNode contained = account(upn);
    Instant containedAt =
        Instant.parse(
            contained.path("incidents").get(0).path("account").path("containedAt").asText());
    assertThat(running.simulator.user(id).path("sessionRevocationCount").asInt()).isEqualTo(1);
    assertThat(running.simulator.user(id).path("passwordChangeCount").asInt()).isEqualTo(1);
    int writesAfterCsv = effectiveWrites(id);

    // (a) sign-in activity from before the containment: attached, nothing sent to Graph
    String before = submitDetection(riskDetection(id, upn, containedAt.minusSeconds(600)));
    awaitFinalRun(incidentId, before);
    JsonNode attached = awaitAccount(upn, story -> story.path("evidence").size() == 2);
    assertThat(attached.path("evidence").get(1).path("disposition").asText()).isEqualTo("ATTACHED");
    assertThat(attached.path("evidence").get(1).path("source").asText()).isEqualTo("DETECTION");
    assertThat(effectiveWrites(id))
        .as("Graph writes for %s after the early detection", upn)
        .isEqualTo(writesAfterCsv);
    assertThat(running.simulator.user(id).path("sessionRevocationCount").asInt()).isEqualTo(1);
    assertThat(running.simulator.user(id).path("passwordChangeCount").asInt()).isEqualTo(1);

    // (b) activity after the containment: contained again, once, with the reason on record
    Instant later = Instant.now();
    assertThat(later).isAfter(containedAt);
    String after = submitDetection(riskDetection(id, upn, later));
    JsonNode rerun = awaitFinalRun(incidentId, after);
    assertThat(rerun.path("accounts").asInt()).isEqualTo(1);
    awaitIncident(incidentId, incident -> incident.path("state").asText().equals("CONTAINED"));
    assertThat(running.simulator.user(id).path("sessionRevocationCount").asInt()).isEqualTo(2);
    assertThat(running.simulator.user(id).path("passwordChangeCount").asInt()).isEqualTo(2);
    assertThat(
            running
                .simulator
                .user(members.get(1).path("id").asText())
                .path("sessionRevocationCount")
                .asInt())
        .as("the other account of the CSV is left alone")
        .isEqualTo(1);

    // GET /accounts/{upn} tells the whole story
    JsonNode story = account(upn);
    assertThat(story.path("objectId").asText()).isEqualTo(id);
    JsonNode membership = story.path("incidents").get(0);
    assertThat(membership.path("incidentId").asText()).isEqualTo(incidentId);
    assertThat(membership.path("account").path("state").asText()).isEqualTo("CONTAINED");
    assertThat(membership.path("account").path("reason").asText())
        .isEqualTo("ACTIVITY_AFTER_CONTAINMENT");
    List<String> dispositions = new ArrayList<>();
    story.path("evidence").forEach(e -> dispositions.add(e.path("disposition").asText()));
    assertThat(dispositions).containsExactly("CONTAINING", "ATTACHED", "RECONTAINING");
    List<String> revokes = new ArrayList<>();
    for (JsonNode action : story.path("actions")) {
      if (action.path("action").asText().equals("REVOKE_SESSIONS")) {
        revokes.add(action.path("state").asText());
        assertThat(action.path("graphRequestId").asText(null)).isNotNull();
      }
    }
    assertThat(revokes).containsExactly("SUCCEEDED", "SUCCEEDED");
  }

  /**
   * One account in two incidents: contained by a CSV for incident A, A closed, then a CSV for
   * incident B names it again with another account. B's run (a playbook whose first write waits for
   * an approver) is paused, approved while paused, and playbook-service is killed and restarted:
   * the run is still paused and Graph gets no write; resumed, it finishes. {@code GET
   * /accounts/{upn}} tells the account's story across both incidents.
   */
  @Test
  void oneAccountInTwoIncidentsAndAPausedRunSurvivesARestart() throws Exception {
    List<JsonNode> members = members(10, 3);
    String id = members.get(0).path("id").asText();
    String upn = members.get(0).path("userPrincipalName").asText();
    String otherId = members.get(1).path("id").asText();
    String otherUpn = members.get(1).path("userPrincipalName").asText();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String incidentA = "INC-first-" + suffix;
    String incidentB = "INC-second-" + suffix;

    // incident A contains the account, and is closed
    String reportA = submitCsv(incidentA, "account\n" + upn + "\n", null);
    awaitFinalRun(incidentA, reportA);
    awaitIncident(incidentA, incident -> incident.path("state").asText().equals("CONTAINED"));
    URI closeA = playbookUrl("/api/v1/incidents/" + incidentA + "/close");
    CordonApi.Answer closed =
        running.api.post(
            closeA,
            running.token("responder"),
            "application/json",
            "{\"reason\":\"contained, user informed\"}");
    assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
    int writesAfterA = effectiveWrites(id);
    assertThat(writesAfterA).isPositive();

    // incident B names it again, with another account; its run's first write waits for approval
    CordonApi.Answer stored =
        running.api.post(
            playbookUrl("/api/v1/playbooks"),
            running.token("admin"),
            "application/yaml",
            """
            name: it-held-containment
            steps:
              - id: revoke-sessions
                action: REVOKE_SESSIONS
                approval: {role: approver, timeout: 1h, onTimeout: fail}
              - id: reset-password
                action: RESET_PASSWORD
            """);
    assertThat(stored.status()).as(stored.raw().body()).isIn(200, 201);
    String reportB =
        submitCsv(incidentB, "account\n" + upn + "\n" + otherUpn + "\n", "it-held-containment");
    running.follower.awaitReportSettled(reportB, WAIT);
    JsonNode run = running.follower.awaitRunOfReport(incidentB, reportB, WAIT);
    String runId = run.path("id").asText();
    run = awaitRun(runId, r -> r.path("state").asText().equals("WAITING_APPROVAL"));
    assertThat(run.path("accounts").asInt()).as("both accounts: A is closed").isEqualTo(2);

    // paused, then approved: approvals can be decided, the steps they make due wait
    control(runId, "pause", "checking the second report with the user's manager");
    JsonNode approval =
        running
            .api
            .get(
                playbookUrl("/api/v1/approvals?state=pending&run=" + runId),
                running.token("viewer"))
            .path("items")
            .get(0);
    CordonApi.Answer decided =
        running.api.post(
            playbookUrl("/api/v1/runs/" + runId + "/approvals/" + approval.path("id").asText()),
            running.token("approver"),
            "application/json",
            "{\"decision\":\"approve\",\"comment\":\"go\",\"accountCount\":"
                + approval.path("accountCount").asLong()
                + "}");
    assertThat(decided.status()).as(decided.raw().body()).isEqualTo(200);
    awaitStep(runId, "revoke-sessions", "PENDING", 2);
    int writesBeforeRestart = effectiveWrites(id) + effectiveWrites(otherId);

    // playbook-service killed and started again: the run is still paused and Graph hears nothing
    running.stack.process("playbook-service").kill();
    running.stack.process("playbook-service").restart();
    running.stack.awaitReady("playbook-service");
    run = running.follower.run(runId);
    assertThat(run.path("paused").path("by").asText(null)).as(run.toString()).isNotNull();
    // proof that the restarted service dispatches: another incident's run goes through to Graph
    String witness = members.get(2).path("id").asText();
    String reportC =
        submitCsv(
            "INC-third-" + suffix,
            "account\n" + members.get(2).path("userPrincipalName").asText() + "\n",
            "revoke-only");
    awaitFinalRun("INC-third-" + suffix, reportC);
    assertThat(running.simulator.user(witness).path("sessionRevocationCount").asInt()).isEqualTo(1);
    awaitStep(runId, "revoke-sessions", "PENDING", 2);
    assertThat(effectiveWrites(id) + effectiveWrites(otherId))
        .as("Graph writes while the run is paused")
        .isEqualTo(writesBeforeRestart);
    assertThat(effectiveWrites(id)).isEqualTo(writesAfterA);

    // resumed after the restart, it finishes
    control(runId, "resume", "manager confirmed");
    run = awaitRun(runId, r -> FINAL.contains(r.path("state").asText()));
    assertThat(run.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.path("paused").isNull() || run.path("paused").isMissingNode()).isTrue();
    assertThat(running.simulator.user(otherId).path("sessionRevocationCount").asInt()).isEqualTo(1);
    assertThat(running.simulator.user(otherId).path("passwordChangeCount").asInt()).isEqualTo(1);
    assertThat(running.simulator.user(id).path("sessionRevocationCount").asInt()).isEqualTo(2);
    awaitIncident(incidentB, incident -> incident.path("state").asText().equals("CONTAINED"));

    // the account's whole story: both incidents, every action with its Graph request id
    JsonNode story = account(upn);
    assertThat(story.path("objectId").asText()).isEqualTo(id);
    List<String> incidents = new ArrayList<>();
    for (JsonNode membership : story.path("incidents")) {
      incidents.add(membership.path("incidentId").asText());
      assertThat(membership.path("account").path("state").asText())
          .as("containment in %s", membership.path("incidentId").asText())
          .isEqualTo("CONTAINED");
      assertThat(membership.path("account").path("containedAt").asText(null)).isNotNull();
    }
    assertThat(incidents).containsExactlyInAnyOrder(incidentA, incidentB);
    for (JsonNode membership : story.path("incidents")) {
      if (membership.path("incidentId").asText().equals(incidentA)) {
        assertThat(membership.path("incidentState").asText()).isEqualTo("CLOSED");
      }
    }
    List<String> evidence = new ArrayList<>();
    story.path("evidence").forEach(e -> evidence.add(e.path("incidentId").asText()));
    assertThat(evidence).containsExactly(incidentA, incidentB);
    List<String> revokes = new ArrayList<>();
    for (JsonNode action : story.path("actions")) {
      String name = action.path("action").asText();
      if (name.equals("REVOKE_SESSIONS") || name.equals("RESET_PASSWORD")) {
        assertThat(action.path("state").asText()).as(action.toString()).isEqualTo("SUCCEEDED");
        assertThat(action.path("graphRequestId").asText(null)).as(action.toString()).isNotNull();
        assertThat(action.path("finishedAt").asText(null)).as(action.toString()).isNotNull();
      }
      if (name.equals("REVOKE_SESSIONS")) {
        revokes.add(action.path("incidentId").asText());
      }
    }
    assertThat(revokes).containsExactlyInAnyOrder(incidentA, incidentB);
  }

  private static void control(String runId, String what, String reason) throws Exception {
    CordonApi.Answer answer =
        running.api.post(
            playbookUrl("/api/v1/runs/" + runId + "/" + what),
            running.token("responder"),
            "application/json",
            CordonApi.json().createObjectNode().put("reason", reason).toString());
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
  }

  private static JsonNode awaitRun(String runId, Predicate<JsonNode> done) throws Exception {
    return await(playbookUrl("/api/v1/runs/" + runId), done, "run " + runId);
  }

  /** Waits until {@code count} accounts of the run are in {@code state} at the step. */
  private static void awaitStep(String runId, String stepId, String state, int count)
      throws Exception {
    await(
        playbookUrl("/api/v1/runs/" + runId + "/accounts?state=" + state),
        page -> {
          int n = 0;
          for (JsonNode account : page.path("items")) {
            for (JsonNode step : account.path("steps")) {
              if (step.path("stepId").asText().equals(stepId)
                  && step.path("state").asText().equals(state)) {
                n++;
              }
            }
          }
          return n == count;
        },
        "run " + runId + " step " + stepId + " " + state);
  }

  private static URI playbookUrl(String path) {
    return running.stack.serviceUrl("playbook-service").resolve(path);
  }

  private static List<JsonNode> members(int count) throws Exception {
    return members(0, count);
  }

  /** Members of the demo tenant, skipping the first {@code skip}, so tests do not share them. */
  private static List<JsonNode> members(int skip, int count) throws Exception {
    List<JsonNode> members = new ArrayList<>();
    int seen = 0;
    for (JsonNode user : running.simulator.users()) {
      if (user.path("kind").asText().equals("member") && seen++ >= skip) {
        members.add(user);
      }
      if (members.size() == count) {
        break;
      }
    }
    assertThat(members).hasSize(count);
    return members;
  }

  private static String submitCsv(String incidentId, String csv) throws Exception {
    return submitCsv(incidentId, csv, null);
  }

  /** {@code playbook} null: the default. */
  private static String submitCsv(String incidentId, String csv, String playbook) throws Exception {
    URI url =
        running
            .stack
            .serviceUrl("account-service")
            .resolve(
                "/api/v1/compromise-reports?incidentId="
                    + URLEncoder.encode(incidentId, StandardCharsets.UTF_8)
                    + (playbook == null ? "" : "&playbook=" + playbook));
    CordonApi.Answer answer = running.api.post(url, running.token("responder"), "text/csv", csv);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
    return answer.body().path("reportId").asText();
  }

  private static String submitDetection(String body) throws Exception {
    URI url = running.stack.serviceUrl("account-service").resolve("/api/v1/detections");
    CordonApi.Answer answer =
        running.api.post(url, running.token("detector"), "application/json", body);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
    return answer.body().path("reportId").asText();
  }

  // an Entra ID Protection riskDetection names no incident: it joins the one holding its account
  private static String riskDetection(String id, String upn, Instant activity) {
    ObjectNode detection = CordonApi.json().createObjectNode();
    detection.put("@odata.type", "#microsoft.graph.riskDetection");
    detection.put("id", "risk-" + UUID.randomUUID());
    detection.put("riskEventType", "unfamiliarFeatures");
    detection.put("riskLevel", "medium");
    detection.put("riskState", "atRisk");
    detection.put("userId", id);
    detection.put("userPrincipalName", upn);
    detection.put("activity", "signin");
    detection.put("activityDateTime", activity.toString());
    detection.put("detectedDateTime", Instant.now().toString());
    return detection.toString();
  }

  private static JsonNode awaitFinalRun(String incidentId, String reportId) throws Exception {
    running.follower.awaitReportSettled(reportId, WAIT);
    JsonNode run = running.follower.awaitRunOfReport(incidentId, reportId, WAIT);
    // the built-in playbook holds its clean-up of devices, roles and app credentials for a
    // second person
    run =
        running.follower.awaitFinalApproving(
            run.path("id").asText(), running.token("approver"), WAIT);
    assertThat(run.path("state").asText()).isIn("SUCCEEDED", "PARTIALLY_SUCCEEDED");
    return run;
  }

  private static JsonNode awaitIncident(String incidentId, Predicate<JsonNode> done)
      throws Exception {
    URI url =
        running
            .stack
            .serviceUrl("playbook-service")
            .resolve("/api/v1/incidents/" + URLEncoder.encode(incidentId, StandardCharsets.UTF_8));
    return await(url, done, "incident " + incidentId);
  }

  private static JsonNode account(String upn) throws Exception {
    return running.api.get(accountUrl(upn), running.token("viewer"));
  }

  private static JsonNode awaitAccount(String upn, Predicate<JsonNode> done) throws Exception {
    return await(accountUrl(upn), done, "account " + upn);
  }

  private static URI accountUrl(String upn) {
    return running
        .stack
        .serviceUrl("playbook-service")
        .resolve("/api/v1/accounts/" + URLEncoder.encode(upn, StandardCharsets.UTF_8));
  }

  private static JsonNode await(URI url, Predicate<JsonNode> done, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      CordonApi.Answer answer =
          running.api.send(
              java.net.http.HttpRequest.newBuilder(url)
                  .header("Authorization", "Bearer " + running.token("viewer"))
                  .GET()
                  .build());
      if (answer.status() == 200 && done.test(answer.body())) {
        return answer.body();
      }
      assertThat(System.nanoTime()).as("%s in time", what).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  /** Graph calls that changed something for the user, as the simulator's journal counts them. */
  private static int effectiveWrites(String userId) throws Exception {
    int writes = 0;
    for (JsonNode entry : running.simulator.journal(null, true)) {
      for (JsonNode id : entry.path("userIds")) {
        if (id.asText().equals(userId)) {
          writes++;
        }
      }
    }
    return writes;
  }
}
