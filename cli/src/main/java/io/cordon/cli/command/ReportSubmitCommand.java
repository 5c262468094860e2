package io.cordon.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.cli.ExitCodes;
import io.cordon.cli.client.CordonApiClient;
import io.cordon.cli.client.Query;
import io.cordon.cli.client.Service;
import io.cordon.cli.render.Output;
import io.cordon.cli.render.ReportViews;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Submit compromised accounts (CSV or JSON); with --follow, follow the run.",
      "A CSV has an 'account' column (optionally 'tenant', 'last_activity'); a JSON file is a",
      "compromise report as POST /compromise-reports takes it. Prints what was accepted and",
      "every refused entry with its reason.",
      "Exit: 0 done, 1 failed (or a step failed), 3 the run waits for approval."
    })
final class ReportSubmitCommand extends Subcommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "FILE.csv or FILE.json")
  Path file;

  @Option(
      names = "--incident",
      paramLabel = "ID",
      description = "the incident (required for CSV; a JSON file may name it)")
  String incident;

  @Option(
      names = "--playbook",
      paramLabel = "NAME",
      description = "playbook to run (default: the service's)")
  String playbook;

  @Option(names = "--title", description = "incident title")
  String title;

  @Option(names = "--severity", description = "LOW, MEDIUM, HIGH (default) or CRITICAL")
  String severity;

  @Option(
      names = "--idempotency-key",
      paramLabel = "KEY",
      description = "resending with the same key returns the first receipt (default: a new key)")
  String idempotencyKey;

  @Option(names = "--follow", description = "follow the report's run until it ends")
  boolean follow;

  @Mixin FollowOptions followOptions;

  @Override
  public Integer call() {
    ReportFile report = readReport();
    // a key per submission, so that the client's own retries (429/503) can never file it twice
    String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    CordonApiClient client = client();
    CordonApiClient.Answer answer = send(client, report, Map.of("Idempotency-Key", key));
    JsonNode receipt = answer.body();
    boolean replayed = "true".equalsIgnoreCase(answer.header("Idempotent-Replayed"));
    Output output = output();
    if (!follow) {
      output.show(receipt, body -> ReportViews.receipt(body, replayed));
      return receipt.path("rejected").size() > 0 && receipt.path("accepted").asInt() == 0
          ? ExitCodes.FAILED
          : ExitCodes.DONE;
    }
    ReportViews.receipt(receipt, replayed).forEach(output::say);
    if (receipt.path("accepted").asInt() == 0) {
      output.say("Nothing accepted: no run to follow.");
      if (output.json()) {
        output.printJson(followDocument(receipt, null));
      }
      return ExitCodes.FAILED;
    }
    String incidentId = incident != null ? incident : incidentOf(report);
    RunFollower follower = followOptions.follower(client, output, root().environment().terminal());
    String runId = follower.awaitRunOfReport(incidentId, receipt.path("reportId").asText());
    RunFollower.Outcome outcome = follower.follow(runId, followOptions.throughApprovals);
    if (output.json()) {
      output.printJson(followDocument(receipt, outcome));
    }
    return outcome.exitCode();
  }

  private ReportFile readReport() {
    try {
      ReportFile report = ReportFile.read(file);
      if (report.kind() == ReportFile.Kind.CSV && incident == null) {
        throw usage("a CSV report needs --incident");
      }
      return report;
    } catch (ReportFile.Unusable e) {
      throw usage(e.getMessage());
    }
  }

  private CordonApiClient.Answer send(
      CordonApiClient client, ReportFile report, Map<String, String> headers) {
    if (report.kind() == ReportFile.Kind.CSV) {
      Query query =
          Query.of()
              .with("incidentId", incident)
              .with("title", title)
              .with("severity", severity)
              .with("playbook", playbook);
      return client.post(
          Service.ACCOUNT, "/api/v1/compromise-reports", query, "text/csv", report.text(), headers);
    }
    ObjectNode body;
    try {
      body = report.jsonBody(incident, title, severity, playbook);
    } catch (ReportFile.Unusable e) {
      throw usage(e.getMessage());
    }
    return client.postJson(
        Service.ACCOUNT, "/api/v1/compromise-reports", Query.of(), body, headers);
  }

  private String incidentOf(ReportFile report) {
    return report.jsonBody(null, null, null, null).path("incident").path("id").asText();
  }

  /** One document for scripts: the receipt, the run as it ended, the approvals it waits for. */
  private static ObjectNode followDocument(JsonNode receipt, RunFollower.Outcome outcome) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.set("report", receipt);
    document.set("run", outcome == null ? null : outcome.run());
    ArrayNode pending = document.putArray("pendingApprovals");
    if (outcome != null) {
      outcome.pendingApprovals().forEach(pending::add);
    }
    return document;
  }
}
