package io.cordon.cli.command;

import io.cordon.cli.client.CordonApiClient;
import io.cordon.cli.render.Output;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command below the root shares: the root's settings, client and output. */
abstract class Subcommand {
  @Spec CommandSpec spec;

  CordonCommand root() {
    return (CordonCommand) spec.root().userObject();
  }

  CordonApiClient client() {
    return root().client();
  }

  Output output() {
    return root().output();
  }

  /** A local mistake in the arguments: usage help and exit code 2. */
  CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
