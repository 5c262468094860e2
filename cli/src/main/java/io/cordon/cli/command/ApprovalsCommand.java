package io.cordon.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.cli.CliFailure;
import io.cordon.cli.ExitCodes;
import io.cordon.cli.client.ApiException;
import io.cordon.cli.client.CordonApiClient;
import io.cordon.cli.client.Query;
import io.cordon.cli.client.Service;
import io.cordon.cli.render.ApprovalViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "approvals",
    mixinStandardHelpOptions = true,
    description = {
      "Approvals of risky steps (playbook-service): list, approve, reject.",
      "Four eyes: the person who started a run cannot decide its approvals."
    })
final class ApprovalsCommand extends Subcommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Approvals, oldest first.")
  int list(
      @Option(
              names = "--state",
              defaultValue = "PENDING",
              paramLabel = "STATE",
              description = "PENDING (default), APPROVED, REJECTED, EXPIRED, CANCELLED or all")
          String state,
      @Option(names = "--run", paramLabel = "ID") String run,
      @Mixin PageOptions page) {
    Query query =
        Query.of().with("state", state.equalsIgnoreCase("all") ? null : state).with("run", run);
    output()
        .show(
            client().get(Service.PLAYBOOK, "/api/v1/approvals", page.apply(query)),
            ApprovalViews::list);
    return 0;
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approve: the step runs for every account the approval covers.")
  int approve(@Parameters(paramLabel = "ID") String id, @Mixin DecisionOptions options) {
    return decide(id, "approve", options);
  }

  @Command(
      name = "reject",
      mixinStandardHelpOptions = true,
      description = "Reject: the step does not run (the playbook says what follows).")
  int reject(@Parameters(paramLabel = "ID") String id, @Mixin DecisionOptions options) {
    return decide(id, "reject", options);
  }

  /** What a decision needs besides the id. */
  static final class DecisionOptions {
    @Option(
        names = "--comment",
        required = true,
        paramLabel = "TEXT",
        description = "why; kept with the decision and in the audit log")
    String comment;

    @Option(
        names = "--run",
        paramLabel = "ID",
        description = "the approval's run (found when left out)")
    String run;

    @Option(
        names = "--account-count",
        paramLabel = "N",
        description = {
          "the number of accounts you reviewed; refused if more joined since",
          "(default: the count read just before deciding, which is printed)"
        })
    Long accountCount;
  }

  private int decide(String id, String decision, DecisionOptions options) {
    CordonApiClient client = client();
    // the decision goes to /runs/{run}/approvals/{id}
    JsonNode approval = find(client, id, options.run);
    long accountCount =
        options.accountCount != null
            ? options.accountCount
            : approval.path("accountCount").asLong();
    output()
        .say(
            String.format(
                "Deciding %s: %s on step %s (%s) for %d account(s) of run %s",
                id,
                decision,
                approval.path("stepId").asText(),
                approval.path("action").asText(),
                accountCount,
                approval.path("runId").asText()));
    ObjectNode body = client.json().createObjectNode();
    body.put("decision", decision)
        .put("comment", options.comment)
        .put("accountCount", accountCount);
    JsonNode decided =
        client
            .postJson(
                Service.PLAYBOOK,
                "/api/v1/runs/"
                    + Query.segment(approval.path("runId").asText())
                    + "/approvals/"
                    + Query.segment(id),
                Query.of(),
                body)
            .body();
    output().show(decided, ApprovalViews::decided);
    return 0;
  }

  /** The approval (its run is where the decision goes); {@code --run}, when given, must match. */
  private static JsonNode find(CordonApiClient client, String id, String run) {
    JsonNode approval;
    try {
      approval = client.get(Service.PLAYBOOK, "/api/v1/approvals/" + Query.segment(id));
    } catch (ApiException e) {
      if (e.problem().status() == 404) {
        throw new CliFailure(ExitCodes.FAILED, "no approval " + id + "; see cordon approvals list");
      }
      throw e;
    }
    if (run != null && !run.equals(approval.path("runId").asText())) {
      throw new CliFailure(
          ExitCodes.FAILED,
          "approval " + id + " belongs to run " + approval.path("runId").asText() + ", not " + run);
    }
    return approval;
  }
}
