package io.cordon.cli.command;

import picocli.CommandLine.Option;

/** The reason every run control call must carry; it is kept with the change and audited. */
final class ReasonOption {
  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "why (kept with the change and in the audit log)")
  String reason;
}
