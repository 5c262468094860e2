package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows one report through the services the way a responder would: report resolved, run found,
 * progress until final, pending approvals decided by a second person, notices delivered.
 */
public final class IncidentFollower {
  private final CordonApi api;
  private final URI accountService;
  private final URI playbookService;
  private final URI notificationService;
  private final String viewerToken;
  private final Consumer<String> log;

  public IncidentFollower(
      CordonApi api,
      URI accountService,
      URI playbookService,
      URI notificationService,
      String viewerToken,
      Consumer<String> log) {
    this.api = api;
    this.accountService = accountService;
    this.playbookService = playbookService;
    this.notificationService = notificationService;
    this.viewerToken = viewerToken;
    this.log = log;
  }

  /** Waits until account-service has resolved every entry and handed the report on. */
  public JsonNode awaitReportSettled(String reportId, Duration timeout)
      throws IOException, InterruptedException {
    URI url = accountService.resolve("/api/v1/compromise-reports/" + reportId + "?limit=1");
    return poll(
        timeout,
        "report " + reportId + " resolved",
        () -> {
          JsonNode report = api.get(url, viewerToken);
          return report.path("status").asText().equals("RESOLVING") ? null : report;
        });
  }

  public JsonNode awaitRunOfReport(String incidentId, String reportId, Duration timeout)
      throws IOException, InterruptedException {
    URI url =
        playbookService.resolve("/api/v1/runs?incident=" + encode(incidentId) + "&limit=1000");
    return poll(
        timeout,
        "the run of report " + reportId,
        () -> {
          // the summaries do not carry the report id: read each run of the incident
          for (JsonNode summary : api.get(url, viewerToken).path("items")) {
            JsonNode run = run(summary.path("id").asText());
            if (reportId.equals(run.path("reportId").asText(null))) {
              return run;
            }
          }
          return null;
        });
  }

  public JsonNode run(String runId) throws IOException, InterruptedException {
    return api.get(playbookService.resolve("/api/v1/runs/" + runId), viewerToken);
  }

  /** Every account of the run with its per-step states, all pages. */
  public List<JsonNode> runAccounts(String runId) throws IOException, InterruptedException {
    List<JsonNode> accounts = new ArrayList<>();
    String cursor = null;
    do {
      String page = "/api/v1/runs/" + runId + "/accounts?limit=1000";
      JsonNode answer =
          api.get(
              playbookService.resolve(cursor == null ? page : page + "&cursor=" + encode(cursor)),
              viewerToken);
      answer.path("items").forEach(accounts::add);
      cursor = answer.path("next").isTextual() ? answer.path("next").asText() : null;
    } while (cursor != null);
    return accounts;
  }

  public List<JsonNode> approvals(String runId) throws IOException, InterruptedException {
    URI url = playbookService.resolve("/api/v1/approvals?run=" + runId + "&limit=1000");
    List<JsonNode> approvals = new ArrayList<>();
    api.get(url, viewerToken).path("items").forEach(approvals::add);
    return approvals;
  }

  public List<JsonNode> pendingApprovals(String runId) throws IOException, InterruptedException {
    URI url = playbookService.resolve("/api/v1/approvals?state=pending&run=" + runId);
    List<JsonNode> pending = new ArrayList<>();
    api.get(url, viewerToken).path("items").forEach(pending::add);
    return pending;
  }

  /**
   * Approves the approval as it was read: for the accounts it listed then. When more accounts
   * joined it since, playbook-service answers 409 and the caller reads it again to review them.
   */
  public CordonApi.Answer decide(String runId, JsonNode approval, String token, String comment)
      throws IOException, InterruptedException {
    URI url =
        playbookService.resolve(
            "/api/v1/runs/" + runId + "/approvals/" + approval.path("id").asText());
    String body =
        CordonApi.json()
            .createObjectNode()
            .put("decision", "approve")
            .put("comment", comment)
            .put("accountCount", approval.path("accountCount").asLong())
            .toString();
    return api.post(url, token, "application/json", body);
  }

  /**
   * Follows the run to its end, approving every approval it opens as the person {@code
   * approverToken} names (a second person: the built-in playbook holds its clean-up of roles, app
   * credentials and devices for one). An approval more accounts joined since it was read is read
   * again on the next round.
   */
  public JsonNode awaitFinalApproving(String runId, String approverToken, Duration timeout)
      throws IOException, InterruptedException {
    return poll(
        timeout,
        "run " + runId + " final",
        () -> {
          JsonNode run = run(runId);
          if (run.path("finishedAt").isTextual()) {
            return run;
          }
          if (run.path("counts").path("WAITING_APPROVAL").asInt() > 0) {
            for (JsonNode approval : pendingApprovals(runId)) {
              int status = decide(runId, approval, approverToken, "Approved").status();
              if (status != 200 && status != 409) {
                throw new IOException(
                    "approval " + approval.path("id").asText() + " answered " + status);
              }
            }
          }
          return null;
        });
  }

  public List<JsonNode> notices(String incidentId) throws IOException, InterruptedException {
    URI url =
        notificationService.resolve(
            "/api/v1/notifications?incident=" + encode(incidentId) + "&limit=1000");
    List<JsonNode> notices = new ArrayList<>();
    api.get(url, viewerToken).path("items").forEach(notices::add);
    return notices;
  }

  /** Every delivery of every notice DELIVERED, FAILED or DISABLED (nothing left pending). */
  public List<JsonNode> awaitNoticesSettled(String incidentId, int expected, Duration timeout)
      throws IOException, InterruptedException {
    return poll(
        timeout,
        expected + " partner notice(s) delivered",
        () -> {
          List<JsonNode> notices = notices(incidentId);
          if (notices.size() < expected) {
            return null;
          }
          for (JsonNode notice : notices) {
            for (JsonNode delivery : notice.path("deliveries")) {
              if (delivery.path("status").asText().equals("PENDING")) {
                return null;
              }
            }
          }
          return notices;
        });
  }

  interface Probe<T> {
    T attempt() throws IOException, InterruptedException;
  }

  private <T> T poll(Duration timeout, String what, Probe<T> probe)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T result = probe.attempt();
      if (result != null) {
        return result;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "Gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(500);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  Consumer<String> log() {
    return log;
  }
}
