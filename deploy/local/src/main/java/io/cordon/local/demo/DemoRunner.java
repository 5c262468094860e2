package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.DevTokens;
import io.cordon.local.Stack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo incident (DESIGN §8): partners registered, a CSV of compromised accounts submitted by a
 * responder, progress shown until the run is final, pending approvals shown and then decided by a
 * different person (an approver), partner notices awaited, a summary printed.
 */
public final class DemoRunner {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

  private final Stack stack;
  private final PrintStream out;
  private final boolean terminal;

  public DemoRunner(Stack stack, PrintStream out, boolean terminal) {
    this.stack = stack;
    this.out = out;
    this.terminal = terminal;
  }

  public DemoOutcome run(Path incidentCsv, Path partnersFile, WebhookReceiver receiver)
      throws IOException, InterruptedException {
    CordonApi api = new CordonApi(stack.httpClient());
    URI accounts = stack.serviceUrl("account-service");
    URI playbooks = stack.serviceUrl("playbook-service");
    URI notifications = stack.serviceUrl("notification-service");
    IncidentFollower follower =
        new IncidentFollower(
            api, accounts, playbooks, notifications, stack.roleToken("viewer"), out::println);

    out.println("Registering partners ...");
    Map<String, JsonNode> partners =
        new DemoPartners(api, notifications, receiver)
            .register(partnersFile, stack.roleToken("admin"));
    partners.values().forEach(p -> out.println("  " + p.path("name").asText()));

    String incidentId =
        "INC-DEMO-"
            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
    Instant submittedAt = Instant.now();
    JsonNode intake = submit(api, accounts, incidentId, incidentCsv);
    String reportId = intake.path("reportId").asText();
    out.printf(
        "Submitted %s as %s: %d accepted, %d rejected, %d duplicates (report %s)%n",
        incidentCsv.getFileName(),
        DevTokens.PRINCIPALS.get("responder"),
        intake.path("accepted").asInt(),
        intake.path("rejected").size(),
        intake.path("duplicates").asInt(),
        reportId);

    JsonNode report = follower.awaitReportSettled(reportId, Duration.ofMinutes(5));
    out.println("Accounts resolved through Graph: " + report.path("counts"));
    JsonNode run = follower.awaitRunOfReport(incidentId, reportId, Duration.ofMinutes(2));
    String runId = run.path("id").asText();
    out.println("Run " + runId + " (" + run.path("playbook").path("name").asText() + "):");

    List<JsonNode> approvals = new ArrayList<>();
    run = followToTheEnd(follower, runId, approvals);
    List<JsonNode> notices = awaitNotices(follower, incidentId);
    return new DemoOutcome(
        incidentId,
        reportId,
        intake,
        run,
        approvals,
        notices,
        partners,
        receiver.inboxes(),
        Duration.between(submittedAt, Instant.now()));
  }

  private JsonNode submit(CordonApi api, URI accounts, String incidentId, Path csv)
      throws IOException, InterruptedException {
    URI url =
        accounts.resolve(
            "/api/v1/compromise-reports?incidentId="
                + incidentId
                + "&title="
                + URLEncoder.encode(
                    "Demo: VPN intrusion, cloud accounts stolen", StandardCharsets.UTF_8)
                + "&severity=CRITICAL");
    CordonApi.Answer answer =
        api.post(url, stack.roleToken("responder"), "text/csv", Files.readString(csv));
    return CordonApi.expectSuccess(answer, url).body();
  }

  private JsonNode followToTheEnd(IncidentFollower follower, String runId, List<JsonNode> decided)
      throws IOException, InterruptedException {
    ProgressView view = new ProgressView(out, terminal);
    Set<String> seen = new HashSet<>();
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (true) {
      JsonNode run = follower.run(runId);
      view.show(run);
      if (ProgressView.isFinal(run)) {
        return run;
      }
      if (run.path("counts").path("WAITING_APPROVAL").asInt() > 0) {
        for (JsonNode approval : follower.pendingApprovals(runId)) {
          if (!seen.contains(approval.path("id").asText())) {
            JsonNode decision = approve(follower, runId, approval);
            if (decision != null) {
              seen.add(approval.path("id").asText());
              decided.add(decision);
            }
            view = new ProgressView(out, terminal);
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "Run " + runId + " not final after " + RUN_TIMEOUT.toMinutes() + " min");
      }
      Thread.sleep(1000);
    }
  }

  /** The decided approval; null when accounts joined it meanwhile and it must be read again. */
  private JsonNode approve(IncidentFollower follower, String runId, JsonNode approval)
      throws IOException, InterruptedException {
    String approver = DevTokens.PRINCIPALS.get("approver");
    out.printf(
        "Approval pending: step %s (%s) for %d account(s), requested by the run's starter %s%n",
        approval.path("stepId").asText(),
        approval.path("action").asText(),
        approval.path("accountCount").asInt(),
        approval.path("startedBy").asText());
    CordonApi.Answer answer =
        follower.decide(
            runId,
            approval,
            stack.roleToken("approver"),
            "Demo: privileged accounts confirmed compromised; disable.");
    if (answer.status() == 409) {
      // more privileged accounts reached the step while the approver looked: review them too
      out.printf("  not decided: %s%n", answer.body().path("detail").asText());
      return null;
    }
    out.printf("  approved by %s (HTTP %d)%n", approver, answer.status());
    return answer.body();
  }

  private List<JsonNode> awaitNotices(IncidentFollower follower, String incidentId)
      throws IOException, InterruptedException {
    out.println("Waiting for partner notices ...");
    List<JsonNode> first = follower.awaitNoticesSettled(incidentId, 1, Duration.ofMinutes(3));
    // the run's first notices are made together, then each partner's follow-up once its accounts
    // are contained (the run is final by now): wait for one follow-up per first notice
    long firsts = first.stream().filter(n -> n.path("sequence").asInt() == 1).count();
    return follower.awaitNoticesSettled(incidentId, (int) (2 * firsts), Duration.ofMinutes(3));
  }

  public void printSummary(DemoOutcome outcome) {
    DemoSummary.lines(outcome).forEach(out::println);
  }
}
