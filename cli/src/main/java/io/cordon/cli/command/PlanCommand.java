package io.cordon.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.cli.ExitCodes;
import io.cordon.cli.client.Query;
import io.cordon.cli.client.Service;
import io.cordon.cli.render.PlanViews;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Dry run of a report: what each step would do per account; nothing is started.",
      "(POST /plans on playbook-service: Graph reads only.)",
      "Exit: 0 the run would start, 1 it would not (the reason is printed)."
    })
final class PlanCommand extends Subcommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "FILE.csv (an 'account' column) or FILE.json")
  Path file;

  @Option(
      names = "--incident",
      paramLabel = "ID",
      description = "the incident (a JSON file may name it)")
  String incident;

  @Option(names = "--playbook", paramLabel = "NAME")
  String playbook;

  @Option(names = "--title")
  String title;

  @Option(names = "--severity")
  String severity;

  @Override
  public Integer call() {
    ObjectNode body;
    try {
      body = ReportFile.read(file).jsonBody(incident, title, severity, playbook);
    } catch (ReportFile.Unusable e) {
      throw usage(e.getMessage());
    }
    JsonNode plan = client().postJson(Service.PLAYBOOK, "/api/v1/plans", Query.of(), body).body();
    output().show(plan, PlanViews::plan);
    return plan.path("wouldStart").asBoolean() ? ExitCodes.DONE : ExitCodes.FAILED;
  }
}
