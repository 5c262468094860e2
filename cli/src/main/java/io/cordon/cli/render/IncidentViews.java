package io.cordon.cli.render;

import static io.cordon.cli.render.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Incidents and accounts (playbook-service). */
public final class IncidentViews {
  private IncidentViews() {}

  public static List<String> list(JsonNode page) {
    Table table = new Table("ID", "TITLE", "SEVERITY", "STATE", "OPENED", "CONTAINED", "CLOSED");
    for (JsonNode incident : page.path("items")) {
      table.row(
          text(incident, "id"),
          text(incident, "title"),
          text(incident, "severity"),
          text(incident, "state"),
          text(incident, "openedAt"),
          text(incident, "containedAt"),
          text(incident, "closedAt"));
    }
    return RunViews.withHint(table, page, "no incidents");
  }

  public static List<String> detail(JsonNode incident) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "incident  " + text(incident, "id") + "  " + RunViews.orDash(text(incident, "title")));
    lines.add("severity  " + RunViews.orDash(text(incident, "severity")));
    lines.add("state     " + text(incident, "state"));
    lines.add("opened    " + RunViews.orDash(text(incident, "openedAt")));
    if (text(incident, "containedAt") != null) {
      lines.add("contained " + text(incident, "containedAt"));
    }
    if (text(incident, "closedAt") != null) {
      lines.add(
          "closed    "
              + text(incident, "closedAt")
              + " by "
              + text(incident, "closedBy")
              + ": "
              + text(incident, "closeReason"));
    }
    List<String> counts = new ArrayList<>();
    incident
        .path("accounts")
        .properties()
        .forEach(entry -> counts.add(entry.getKey() + " " + entry.getValue().asInt()));
    lines.add("accounts  " + (counts.isEmpty() ? "-" : String.join(", ", counts)));
    lines.add("");
    Table reports = new Table("REPORT", "SOURCE", "REPORTED BY", "RUN", "RECEIVED");
    for (JsonNode report : incident.path("reports")) {
      reports.row(
          text(report, "reportId"),
          text(report, "source"),
          text(report, "reportedBy"),
          text(report, "runId"),
          text(report, "receivedAt"));
    }
    lines.addAll(reports.isEmpty() ? List.of("no reports") : reports.lines());
    lines.add("");
    lines.addAll(
        RunViews.list(incident.path("runs").isArray() ? wrap(incident.path("runs")) : incident));
    return lines;
  }

  /** {@code GET /accounts/{objectIdOrUpn}}: where the account stands in every incident. */
  public static List<String> account(JsonNode account) {
    List<String> lines = new ArrayList<>();
    List<JsonNode> held = new ArrayList<>();
    account.path("incidents").forEach(entry -> held.add(entry.path("account")));
    String tenant =
        Tenants.shown(held)
            ? held.stream()
                .map(Tenants::label)
                .filter(label -> label != null)
                .findFirst()
                .orElse(null)
            : null;
    lines.add(
        "account "
            + RunViews.orDash(text(account, "userPrincipalName"))
            + "  "
            + text(account, "objectId")
            + (tenant == null ? "" : "  tenant " + tenant));
    lines.add("");
    Table incidents =
        new Table("INCIDENT", "TITLE", "INCIDENT STATE", "CONTAINMENT", "SINCE", "RUN");
    for (JsonNode entry : account.path("incidents")) {
      JsonNode state = entry.path("account");
      incidents.row(
          text(entry, "incidentId"),
          text(entry, "title"),
          text(entry, "incidentState"),
          text(state, "state"),
          text(state, "since"),
          text(state, "runId"));
    }
    lines.addAll(incidents.isEmpty() ? List.of("in no incident") : incidents.lines());
    lines.add("");
    Table actions = new Table("INCIDENT", "RUN", "STEP", "ACTION", "STATE", "REASON", "FINISHED");
    for (JsonNode action : account.path("actions")) {
      actions.row(
          text(action, "incidentId"),
          text(action, "runId"),
          text(action, "stepId"),
          text(action, "action"),
          text(action, "state"),
          text(action, "reason"),
          text(action, "finishedAt"));
    }
    lines.addAll(actions.isEmpty() ? List.of("no actions") : actions.lines());
    return lines;
  }

  private static JsonNode wrap(JsonNode runs) {
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    page.set("items", runs);
    return page;
  }
}
