package io.cordon.cli.render;

import static io.cordon.cli.render.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Approvals: the list, one pending approval announced, and a decision. */
public final class ApprovalViews {
  private ApprovalViews() {}

  public static List<String> list(JsonNode page) {
    Table table =
        new Table(
            "ID",
            "RUN",
            "INCIDENT",
            "STEP",
            "ACTION",
            "ROLE",
            "STATE",
            "ACCOUNTS",
            "STARTED BY",
            "EXPIRES");
    for (JsonNode approval : page.path("items")) {
      table.row(
          text(approval, "id"),
          text(approval, "runId"),
          text(approval, "incidentId"),
          text(approval, "stepId"),
          text(approval, "action"),
          text(approval, "role"),
          text(approval, "state"),
          text(approval, "accountCount"),
          text(approval, "startedBy"),
          text(approval, "expiresAt"));
    }
    return RunViews.withHint(table, page, "no approvals");
  }

  /**
   * A pending approval as a responder following a run sees it, with the command that decides it.
   */
  public static List<String> pending(JsonNode approval) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "Approval pending: %s  step %s (%s) for %d account(s), role %s, expires %s",
            text(approval, "id"),
            text(approval, "stepId"),
            text(approval, "action"),
            approval.path("accountCount").asInt(),
            text(approval, "role"),
            RunViews.orDash(text(approval, "expiresAt"))));
    for (JsonNode account : approval.path("accounts")) {
      List<String> roles = new ArrayList<>();
      account.path("privilegedRoles").forEach(role -> roles.add(role.asText()));
      lines.add(
          "  "
              + RunViews.orDash(text(account, "userPrincipalName"))
              + "  "
              + text(account, "objectId")
              + (roles.isEmpty() ? "" : "  " + String.join(", ", roles)));
    }
    lines.add(
        "  decide (another person than the run's starter "
            + RunViews.orDash(text(approval, "startedBy"))
            + "): cordon approvals approve "
            + text(approval, "id")
            + " --comment '...'");
    return lines;
  }

  public static List<String> decided(JsonNode approval) {
    return List.of(
        String.format(
            "Approval %s %s by %s: step %s (%s), %d account(s), run %s",
            text(approval, "id"),
            text(approval, "state"),
            RunViews.orDash(text(approval, "decidedBy")),
            text(approval, "stepId"),
            text(approval, "action"),
            approval.path("accountCount").asInt(),
            text(approval, "runId")));
  }
}
