package io.cordon.cli.command;

import io.cordon.cli.client.CordonApiClient;
import io.cordon.cli.client.Sleeper;
import io.cordon.cli.render.Output;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How to follow a run: shared by {@code report submit --follow} and {@code runs watch}. */
final class FollowOptions {
  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description = "how often to look at the run (default ${DEFAULT-VALUE} s)")
  double intervalSeconds;

  @Option(
      names = "--timeout",
      paramLabel = "MINUTES",
      defaultValue = "60",
      description =
          "give up following after this long (default ${DEFAULT-VALUE} min); the run goes on")
  long timeoutMinutes;

  @Option(
      names = "--through-approvals",
      description = "keep following while the run waits for approval (default: stop, exit code 3)")
  boolean throughApprovals;

  RunFollower follower(CordonApiClient client, Output output, boolean terminal) {
    return new RunFollower(
        client,
        output,
        terminal,
        Duration.ofMillis(Math.max(10, Math.round(intervalSeconds * 1000))),
        Duration.ofMinutes(timeoutMinutes),
        Sleeper.REAL);
  }
}
