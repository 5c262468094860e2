package io.cordon.cli.command;

import io.cordon.cli.client.Query;
import io.cordon.cli.client.Service;
import io.cordon.cli.render.IncidentViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "incidents",
    mixinStandardHelpOptions = true,
    description = "Incidents (playbook-service): list, show.")
final class IncidentsCommand extends Subcommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Incidents, newest first.")
  int list(
      @Option(
              names = "--state",
              paramLabel = "STATE[,STATE]",
              description = "OPEN, CONTAINED, CLOSED")
          String state,
      @Mixin PageOptions page) {
    output()
        .show(
            client()
                .get(
                    Service.PLAYBOOK,
                    "/api/v1/incidents",
                    page.apply(Query.of().with("state", state))),
            IncidentViews::list);
    return 0;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One incident: accounts per containment state, its reports and runs.")
  int show(@Parameters(paramLabel = "ID") String id) {
    output()
        .show(
            client().get(Service.PLAYBOOK, "/api/v1/incidents/" + Query.segment(id)),
            IncidentViews::detail);
    return 0;
  }
}
