package io.cordon.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.cli.CliHarness;
import io.cordon.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage errors are found before any request: exit code 2 and a message naming the mistake. */
class ArgumentParsingTest {
  @TempDir Path temporary;
  private CliHarness cli;

  @BeforeEach
  void setUp() {
    // a port nothing listens on: any request would fail with exit 1, not 2
    cli = new CliHarness(temporary).services("http://127.0.0.1:9").token("t");
  }

  @Test
  void runControlWithoutAReasonIsAUsageError() {
    Result result = cli.run("runs", "pause", "run-1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required option: '--reason=TEXT'");
  }

  @Test
  void aCsvReportWithoutAnIncidentIsAUsageError() throws Exception {
    Path csv = Files.writeString(temporary.resolve("accounts.csv"), "account\ntaro@jaxa.example\n");

    Result result = cli.run("report", "submit", csv.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("a CSV report needs --incident");
  }

  @Test
  void aMissingFileIsAUsageError() {
    Result result =
        cli.run("report", "submit", temporary.resolve("nope.csv").toString(), "--incident", "I");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("cannot read");
  }

  @Test
  void anUnknownOutputFormatIsAUsageError() {
    Result result = cli.run("runs", "list", "--output", "xml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--output");
  }

  @Test
  void aGroupWithoutItsSubcommandIsAUsageError() {
    Result result = cli.run("approvals");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required subcommand");
  }

  @Test
  void anApprovalNeedsAComment() {
    Result result = cli.run("approvals", "approve", "a-1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--comment");
  }

  @Test
  void anEndpointThatIsNotAUrlIsAUsageError() {
    Result result = cli.run("runs", "list", "--playbook-url", "localhost:8082");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("playbook-url 'localhost:8082' is not an http(s) URL");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "login",
        "logout",
        "report submit",
        "plan",
        "runs list",
        "runs show",
        "runs accounts",
        "runs watch",
        "runs pause",
        "runs resume",
        "runs cancel",
        "approvals list",
        "approvals approve",
        "approvals reject",
        "incidents list",
        "incidents show",
        "accounts show",
        "evidence export",
        "partners list",
        "partners show",
        "completion"
      })
  void everyCommandHasHelp(String command) {
    String[] words = (command + " --help").split(" ");

    Result result = cli.run(words);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: cordon " + command);
  }

  @Test
  void completionIsABashScriptNamingTheCommands() {
    Result result = cli.run("completion");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("complete -F _complete_cordon").contains("approvals");
  }
}
