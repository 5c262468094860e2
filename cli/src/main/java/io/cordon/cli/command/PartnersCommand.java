package io.cordon.cli.command;

import io.cordon.cli.client.Query;
import io.cordon.cli.client.Service;
import io.cordon.cli.render.PartnerViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "partners",
    mixinStandardHelpOptions = true,
    description = "Partner organisations that receive notices (notification-service): list, show.")
final class PartnersCommand extends Subcommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Partners by name.")
  int list(@Mixin PageOptions page) {
    output()
        .show(
            client().get(Service.NOTIFICATION, "/api/v1/partners", page.apply(Query.of())),
            PartnerViews::list);
    return 0;
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One partner.")
  int show(@Parameters(paramLabel = "ID") String id) {
    output()
        .show(
            client().get(Service.NOTIFICATION, "/api/v1/partners/" + Query.segment(id)),
            PartnerViews::detail);
    return 0;
  }
}
