package io.cordon.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.cli.CliFailure;
import io.cordon.cli.ExitCodes;
import io.cordon.cli.client.ApiException;
import io.cordon.cli.client.CordonApiClient;
import io.cordon.cli.client.Query;
import io.cordon.cli.client.Service;
import io.cordon.cli.client.Sleeper;
import io.cordon.cli.render.ApprovalViews;
import io.cordon.cli.render.Output;
import io.cordon.cli.render.RunProgressView;
import io.cordon.cli.render.RunStates;
import io.cordon.cli.render.RunViews;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows a run the way a responder watches it: a progress bar per step, each pending approval
 * shown once with the command that decides it, a summary at the end. Polls {@code GET /runs/{id}}
 * (one small request per interval; no connection held open that a proxy might cut).
 */
final class RunFollower {
  private static final long SNAPSHOT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

  /** How following ended: the run as last read, the approvals it waits for, the exit code. */
  record Outcome(JsonNode run, List<JsonNode> pendingApprovals, int exitCode) {}

  private final CordonApiClient client;
  private final Output output;
  private final boolean terminal;
  private final Duration interval;
  private final Duration timeout;
  private final Sleeper sleeper;

  RunFollower(
      CordonApiClient client,
      Output output,
      boolean terminal,
      Duration interval,
      Duration timeout,
      Sleeper sleeper) {
    this.client = client;
    this.output = output;
    this.terminal = terminal;
    this.interval = interval;
    this.timeout = timeout;
    this.sleeper = sleeper;
  }

  /**
   * The run that acts on a report. playbook-service files every report under its incident and lists
   * it there with its run ({@code GET /incidents/{id}}, {@code reports[].runId}) once
   * account-service has resolved the accounts and handed them on; until then the incident may not
   * exist yet.
   */
  String awaitRunOfReport(String incidentId, String reportId) {
    output.say(
        "Waiting for the run of report "
            + reportId
            + " (account-service reads the accounts from the directory first) ...");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String runId = runOfReport(incidentId, reportId);
      if (runId != null) {
        return runId;
      }
      if (System.nanoTime() > deadline) {
        throw new CliFailure(
            ExitCodes.FAILED,
            "no run for report "
                + reportId
                + " after "
                + timeout.toSeconds()
                + " s; look with cordon incidents show "
                + incidentId);
      }
      pause();
    }
  }

  private String runOfReport(String incidentId, String reportId) {
    JsonNode incident;
    try {
      incident = client.get(Service.PLAYBOOK, "/api/v1/incidents/" + Query.segment(incidentId));
    } catch (ApiException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
    for (JsonNode report : incident.path("reports")) {
      if (reportId.equals(report.path("reportId").asText()) && report.path("runId").isTextual()) {
        return report.path("runId").asText();
      }
    }
    return null;
  }

  /**
   * Until the run is final, or (unless {@code throughApprovals}) until it waits for a person: a
   * responder cannot approve their own run, so waiting would only hold their terminal.
   */
  Outcome follow(String runId, boolean throughApprovals) {
    RunProgressView view = new RunProgressView(output.stream(), terminal, SNAPSHOT_EVERY_NANOS);
    Set<String> announced = new HashSet<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode run = client.get(Service.PLAYBOOK, "/api/v1/runs/" + Query.segment(runId));
      boolean stopsForApproval = RunStates.isWaitingForApproval(run) && !throughApprovals;
      boolean givesUp = !RunStates.isFinal(run) && System.nanoTime() > deadline;
      if (!output.json()) {
        view.show(run);
        if (stopsForApproval || givesUp) {
          view.finish();
        }
      }
      if (RunStates.isFinal(run)) {
        output.say("");
        RunViews.summary(run).forEach(output::say);
        return new Outcome(
            run, List.of(), RunStates.failed(run) ? ExitCodes.FAILED : ExitCodes.DONE);
      }
      if (RunStates.isWaitingForApproval(run)
          || run.path("counts").path("WAITING_APPROVAL").asInt() > 0) {
        List<JsonNode> pending = pendingApprovals(runId);
        for (JsonNode approval : pending) {
          if (announced.add(approval.path("id").asText())) {
            ApprovalViews.pending(approval).forEach(output::say);
            view.detach();
          }
        }
        if (stopsForApproval) {
          output.say(
              "Run "
                  + runId
                  + " waits for approval; follow it again with cordon runs watch "
                  + runId);
          return new Outcome(run, pending, ExitCodes.WAITING_FOR_APPROVAL);
        }
      }
      if (givesUp) {
        throw new CliFailure(
            ExitCodes.FAILED,
            "run "
                + runId
                + " not final after "
                + timeout.toSeconds()
                + " s; follow it with cordon runs watch "
                + runId);
      }
      pause();
    }
  }

  private List<JsonNode> pendingApprovals(String runId) {
    return new ArrayList<>(
        client.allItems(
            Service.PLAYBOOK,
            "/api/v1/approvals",
            Query.of().with("state", "PENDING").with("run", runId)));
  }

  private void pause() {
    try {
      sleeper.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.FAILED, "interrupted");
    }
  }
}
