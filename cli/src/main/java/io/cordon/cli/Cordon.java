package io.cordon.cli;

import io.cordon.cli.client.ApiException;
import io.cordon.cli.command.CordonCommand;
import io.cordon.cli.config.CliEnvironment;
import io.cordon.cli.render.ErrorLine;
import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code cordon}: the command line for responders. */
public final class Cordon {
  private Cordon() {}

  public static void main(String[] args) {
    System.exit(execute(CliEnvironment.system(), args));
  }

  public static int execute(CliEnvironment environment, String... args) {
    return commandLine(environment).execute(args);
  }

  public static CommandLine commandLine(CliEnvironment environment) {
    CommandLine commandLine = new CommandLine(new CordonCommand(environment));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(new PrintWriter(environment.out(), true));
    commandLine.setErr(new PrintWriter(environment.err(), true));
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> report(environment, exception));
    return commandLine;
  }

  /** Every failure as one line on stderr: no stack traces for responders. */
  private static int report(CliEnvironment environment, Exception exception) {
    if (exception instanceof ApiException api) {
      environment.err().println(ErrorLine.of(api.problem()));
      return ExitCodes.FAILED;
    }
    if (exception instanceof CliFailure failure) {
      environment.err().println("error: " + failure.getMessage());
      return failure.exitCode();
    }
    environment.err().println("error: " + exception);
    return ExitCodes.FAILED;
  }
}
