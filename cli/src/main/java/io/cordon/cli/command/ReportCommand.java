package io.cordon.cli.command;

import picocli.CommandLine.Command;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Compromise reports (account-service).",
    subcommands = {ReportSubmitCommand.class})
final class ReportCommand {}
