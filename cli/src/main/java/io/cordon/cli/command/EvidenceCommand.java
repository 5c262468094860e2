package io.cordon.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.cli.CliFailure;
import io.cordon.cli.ExitCodes;
import io.cordon.cli.client.Query;
import io.cordon.cli.client.Service;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description = "The evidence of an incident (playbook-service; roles viewer or admin).")
final class EvidenceCommand extends Subcommand {

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Everything Cordon did about an incident, in one document: runs, reports, Graph actions,",
        "partner notices, the timeline. JSON, or the timeline as CSV.",
        "Exit: 0 complete, 1 a service's part could not be read (named on stderr)."
      })
  int export(
      @Parameters(paramLabel = "INCIDENT") String incident,
      @Option(
              names = "--format",
              defaultValue = "json",
              paramLabel = "json|csv",
              description = "json (default) or csv (the timeline)")
          String format,
      @Option(
              names = "--out",
              paramLabel = "FILE",
              description = "write to FILE (owner-only permissions) instead of stdout")
          Path out) {
    if (!format.equals("json") && !format.equals("csv")) {
      throw usage("--format is json or csv");
    }
    JsonNode answer =
        client()
            .get(
                Service.PLAYBOOK,
                "/api/v1/incidents/" + Query.segment(incident) + "/evidence",
                Query.of().with("format", format),
                // the export answers CSV only to a client that accepts it
                Map.of("Accept", format.equals("csv") ? "text/csv" : "application/json"));
    String text;
    if (answer.isTextual()) {
      text = answer.asText();
    } else {
      try {
        text = client().json().writerWithDefaultPrettyPrinter().writeValueAsString(answer) + "\n";
      } catch (IOException e) {
        throw new CliFailure(ExitCodes.FAILED, "cannot write the evidence: " + e.getMessage());
      }
    }
    if (out == null) {
      root().environment().out().print(text);
    } else {
      writePrivately(out, text);
      root().environment().err().println("Wrote the evidence of " + incident + " to " + out);
    }
    // a JSON export says itself what it lacks; the CSV has a missing-part row for it
    if (answer.path("complete").isBoolean() && !answer.path("complete").asBoolean()) {
      for (JsonNode missing : answer.path("missing")) {
        root()
            .environment()
            .err()
            .println(
                "incomplete: "
                    + missing.path("service").asText()
                    + " "
                    + missing.path("part").asText()
                    + ": "
                    + missing.path("reason").asText());
      }
      return ExitCodes.FAILED;
    }
    return ExitCodes.DONE;
  }

  /** Evidence names accounts and people: readable by its owner only, as the token cache is. */
  private static void writePrivately(Path file, String text) {
    try {
      Files.deleteIfExists(file);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.FAILED, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
