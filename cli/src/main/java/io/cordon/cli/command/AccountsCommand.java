package io.cordon.cli.command;

import io.cordon.cli.client.Query;
import io.cordon.cli.client.Service;
import io.cordon.cli.render.IncidentViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    description = "Accounts across incidents (playbook-service).")
final class AccountsCommand extends Subcommand {

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Where an account stands in every incident, its evidence and every action taken.")
  int show(@Parameters(paramLabel = "OBJECTID|UPN") String account) {
    output()
        .show(
            client().get(Service.PLAYBOOK, "/api/v1/accounts/" + Query.segment(account)),
            IncidentViews::account);
    return 0;
  }
}
