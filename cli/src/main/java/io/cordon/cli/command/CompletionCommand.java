package io.cordon.cli.command;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {"Print the bash/zsh completion script: source <(cordon completion)"})
final class CompletionCommand extends Subcommand implements Callable<Integer> {
  @Override
  public Integer call() {
    root().environment().out().print(AutoComplete.bash("cordon", spec.root().commandLine()));
    return 0;
  }
}
