package io.cordon.cli.render;

import static io.cordon.cli.render.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Runs: the list, one run, and the summary printed when a followed run ends. */
public final class RunViews {
  private RunViews() {}

  public static List<String> list(JsonNode page) {
    Table table =
        new Table(
            "ID",
            "INCIDENT",
            "PLAYBOOK",
            "STATE",
            "SOURCE",
            "ACCOUNTS",
            "DONE",
            "STARTED BY",
            "CREATED");
    for (JsonNode run : page.path("items")) {
      JsonNode progress = run.path("progress");
      table.row(
          text(run, "id"),
          text(run, "incidentId"),
          Json.playbook(run),
          text(run, "state"),
          text(run, "source"),
          text(run, "accounts"),
          progress.path("done").asInt() + "/" + progress.path("total").asInt(),
          text(run, "startedBy"),
          text(run, "createdAt"));
    }
    return withHint(table, page, "no runs");
  }

  public static List<String> detail(JsonNode run) {
    List<String> lines = new ArrayList<>();
    JsonNode incident = run.path("incident");
    lines.add("run        " + text(run, "id"));
    lines.add("playbook   " + Json.playbook(run));
    lines.add(
        "incident   "
            + text(incident, "id")
            + "  "
            + orDash(text(incident, "title"))
            + "  "
            + orDash(text(incident, "severity")));
    lines.add("state      " + text(run, "state") + reason(run));
    JsonNode paused = run.path("paused");
    if (paused.isObject()) {
      lines.add(
          "paused     by "
              + text(paused, "by")
              + " since "
              + text(paused, "since")
              + ": "
              + text(paused, "reason"));
    }
    lines.add(
        "source     " + orDash(text(run, "source")) + "  report " + orDash(text(run, "reportId")));
    lines.add(
        "started by " + orDash(text(run, "startedBy")) + "  at " + orDash(text(run, "startedAt")));
    lines.add("accounts   " + run.path("accounts").asInt());
    lines.add("");
    lines.addAll(steps(run).lines());
    return lines;
  }

  /**
   * {@code GET /runs/{id}/accounts}: per account, each step as STEP:STATE(REASON); a TENANT column
   * when the accounts' tenants are worth naming ({@link Tenants}).
   */
  public static List<String> accounts(JsonNode page) {
    boolean tenants = Tenants.shown(page.path("items"));
    List<String> headers =
        new ArrayList<>(
            List.of("UPN", "OBJECT ID", "TYPE", "SYNCED", "PRIVILEGED", "SETTLED", "STEPS"));
    if (tenants) {
      headers.add(2, "TENANT");
    }
    Table table = new Table(headers.toArray(String[]::new)).untruncated();
    for (JsonNode account : page.path("items")) {
      List<String> steps = new ArrayList<>();
      for (JsonNode step : account.path("steps")) {
        String reason = text(step, "reasonCode");
        steps.add(
            text(step, "stepId")
                + ":"
                + text(step, "state")
                + (reason == null || reason.equals("OK") ? "" : "(" + reason + ")"));
      }
      JsonNode settled = account.path("settled");
      List<Object> cells = new ArrayList<>();
      cells.add(text(account, "userPrincipalName"));
      cells.add(text(account, "objectId"));
      if (tenants) {
        cells.add(Tenants.label(account));
      }
      cells.add(text(account, "userType"));
      cells.add(account.path("onPremisesSynced").asBoolean() ? "yes" : "no");
      cells.add(account.path("privileged").asBoolean() ? "yes" : "no");
      cells.add(settled.isObject() ? text(settled, "as") : null);
      cells.add(String.join(" ", steps));
      table.row(cells.toArray());
    }
    return withHint(table, page, "no accounts");
  }

  /** What a responder needs when the run is over: per step how it ended, and why the run did. */
  public static List<String> summary(JsonNode run) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Run "
            + text(run, "id")
            + " ended "
            + text(run, "state")
            + reason(run)
            + " after "
            + String.format("%.1f s", run.path("durationMs").asLong() / 1000.0));
    lines.addAll(steps(run).lines());
    JsonNode counts = run.path("counts");
    if (counts.path("REQUIRES_MANUAL").asInt() > 0 || counts.path("FAILED").asInt() > 0) {
      lines.add(
          "Accounts that need a person: cordon runs accounts "
              + text(run, "id")
              + " --state REQUIRES_MANUAL,FAILED");
    }
    return lines;
  }

  private static Table steps(JsonNode run) {
    Table table =
        new Table(
            "STEP",
            "ACTION",
            "SUCCEEDED",
            "SKIPPED",
            "MANUAL",
            "FAILED",
            "WAITING APPROVAL",
            "OTHER");
    for (JsonNode step : run.path("steps")) {
      RunProgressView.StepCounts counts = RunProgressView.StepCounts.of(step.path("counts"));
      int known =
          counts.get("SUCCEEDED")
              + counts.get("SKIPPED")
              + counts.get("REQUIRES_MANUAL")
              + counts.get("FAILED")
              + counts.get("WAITING_APPROVAL");
      table.row(
          text(step, "id"),
          text(step, "action"),
          counts.get("SUCCEEDED"),
          counts.get("SKIPPED"),
          counts.get("REQUIRES_MANUAL"),
          counts.get("FAILED"),
          counts.get("WAITING_APPROVAL"),
          counts.total() - known);
    }
    return table;
  }

  private static String reason(JsonNode run) {
    String reason = text(run, "stateReason");
    return reason == null ? "" : " (" + reason + ")";
  }

  static String orDash(String value) {
    return value == null ? "-" : value;
  }

  static List<String> withHint(Table table, JsonNode page, String empty) {
    if (table.isEmpty()) {
      return List.of(empty);
    }
    List<String> lines = new ArrayList<>(table.lines());
    String hint = Json.nextPageHint(page);
    if (hint != null) {
      lines.add(hint);
    }
    return lines;
  }
}
