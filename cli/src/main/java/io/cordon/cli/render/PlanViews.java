package io.cordon.cli.render;

import static io.cordon.cli.render.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run ({@code POST /plans}): would the run start, and what each step would do per account.
 */
public final class PlanViews {
  private PlanViews() {}

  public static List<String> plan(JsonNode plan) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Plan: playbook "
            + text(plan, "playbook")
            + " v"
            + RunViews.orDash(text(plan, "playbookVersion"))
            + " — "
            + (plan.path("wouldStart").asBoolean() ? "would start" : "would NOT start"));
    if (text(plan, "preflight") != null) {
      lines.add("  " + text(plan, "preflight"));
    }
    lines.add(
        "  "
            + plan.path("accepted").asInt()
            + " accepted, "
            + plan.path("rejected").size()
            + " rejected");
    for (JsonNode rejection : plan.path("rejected")) {
      lines.add(
          "  rejected " + Table.cell(text(rejection, "input")) + ": " + text(rejection, "reason"));
    }
    for (JsonNode missing : plan.path("missing")) {
      lines.add("  missing: " + missing.asText());
    }
    for (JsonNode approval : plan.path("approvals")) {
      lines.add(
          "  approval needed: step "
              + text(approval, "stepId")
              + " by "
              + text(approval, "role")
              + " for "
              + approval.path("accounts").asInt()
              + " account(s)");
    }
    if (plan.path("protectedAccounts").size() > 0) {
      lines.add(
          "  protected accounts (nothing automated touches them): "
              + plan.path("protectedAccounts").size());
    }
    lines.add("");
    Table accounts = new Table("INPUT", "RESOLUTION", "UPN", "STEPS").untruncated();
    for (JsonNode account : plan.path("accounts")) {
      List<String> steps = new ArrayList<>();
      for (JsonNode step : account.path("steps")) {
        String reason = text(step, "reason");
        steps.add(
            text(step, "stepId")
                + ":"
                + text(step, "decision")
                + (reason == null ? "" : "(" + reason + ")"));
      }
      String resolution = text(account, "resolution");
      if (text(account, "reason") != null && steps.isEmpty()) {
        resolution += " (" + text(account, "reason") + ")";
      }
      accounts.row(
          text(account, "input"),
          resolution,
          text(account, "userPrincipalName"),
          steps.isEmpty() ? "-" : String.join(" ", steps));
    }
    if (!accounts.isEmpty()) {
      lines.addAll(accounts.lines());
    }
    return lines;
  }
}
