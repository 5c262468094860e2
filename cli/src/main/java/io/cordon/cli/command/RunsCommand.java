package io.cordon.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.cli.client.Query;
import io.cordon.cli.client.Service;
import io.cordon.cli.render.Output;
import io.cordon.cli.render.RunViews;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description =
        "Playbook runs (playbook-service): list, show, accounts, watch, pause, resume, cancel.")
final class RunsCommand extends Subcommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Runs, newest first.")
  int list(
      @Option(names = "--incident", paramLabel = "ID") String incident,
      @Option(
              names = "--status",
              paramLabel = "STATE[,STATE]",
              description = "e.g. RUNNING,WAITING_APPROVAL")
          String status,
      @Mixin PageOptions page) {
    JsonNode answer =
        client()
            .get(
                Service.PLAYBOOK,
                "/api/v1/runs",
                page.apply(Query.of().with("incident", incident).with("status", status)));
    output().show(answer, RunViews::list);
    return 0;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One run with its counts per step and state.")
  int show(@Parameters(paramLabel = "ID") String id) {
    output().show(client().get(Service.PLAYBOOK, runPath(id)), RunViews::detail);
    return 0;
  }

  @Command(
      name = "accounts",
      mixinStandardHelpOptions = true,
      description = {
        "The run's accounts with each step's state and reason.",
        "--state REQUIRES_MANUAL lists the accounts that need a person (e.g. an on-premises reset)."
      })
  int accounts(
      @Parameters(paramLabel = "ID") String id,
      @Option(
              names = "--state",
              paramLabel = "STATE[,STATE]",
              description = "accounts with a step in one of these states")
          String state,
      @Mixin PageOptions page) {
    output()
        .show(
            client()
                .get(
                    Service.PLAYBOOK,
                    runPath(id) + "/accounts",
                    page.apply(Query.of().with("state", state))),
            RunViews::accounts);
    return 0;
  }

  @Command(
      name = "watch",
      mixinStandardHelpOptions = true,
      description = {
        "Progress per step until the run ends.",
        "Exit: 0 done, 1 failed (or a step failed), 3 the run waits for approval."
      })
  int watch(@Parameters(paramLabel = "ID") String id, @Mixin FollowOptions follow) {
    Output output = output();
    RunFollower.Outcome outcome =
        follow
            .follower(client(), output, root().environment().terminal())
            .follow(id, follow.throughApprovals);
    if (output.json()) {
      output.printJson(outcome.run());
    }
    return outcome.exitCode();
  }

  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Dispatch nothing more until resumed (what was sent still finishes).")
  int pause(@Parameters(paramLabel = "ID") String id, @Mixin ReasonOption reason) {
    return control(id, "pause", reason);
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused run.")
  int resume(@Parameters(paramLabel = "ID") String id, @Mixin ReasonOption reason) {
    return control(id, "resume", reason);
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Cancel a run: nothing not yet sent is sent.")
  int cancel(@Parameters(paramLabel = "ID") String id, @Mixin ReasonOption reason) {
    return control(id, "cancel", reason);
  }

  private int control(String id, String action, ReasonOption reason) {
    JsonNode run =
        client()
            .postJson(
                Service.PLAYBOOK,
                runPath(id) + "/" + action,
                Query.of(),
                Map.of("reason", reason.reason))
            .body();
    output().show(run, RunViews::detail);
    return 0;
  }

  private static String runPath(String id) {
    return "/api/v1/runs/" + Query.segment(id);
  }
}
