package io.cordon.cli.command;

import io.cordon.cli.auth.TokenResolver;
import io.cordon.cli.client.CordonApiClient;
import io.cordon.cli.client.RetryPolicy;
import io.cordon.cli.client.Sleeper;
import io.cordon.cli.config.CliConfig;
import io.cordon.cli.config.CliEnvironment;
import io.cordon.cli.config.Setting;
import io.cordon.cli.render.Output;
import io.cordon.cli.render.OutputFormat;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
    name = "cordon",
    mixinStandardHelpOptions = true,
    versionProvider = CordonVersion.class,
    description =
        "Cordon, the command line for responders: report compromised accounts, follow runs, decide approvals.",
    footer = {
      "",
      "Exit codes: 0 done, 1 failed, 2 usage error, 3 waiting for approval.",
      "Token: --token, else CORDON_TOKEN, else what `cordon login` set up.",
      "Settings: flags, else CORDON_ACCOUNT_URL/CORDON_PLAYBOOK_URL/CORDON_NOTIFICATION_URL/"
          + "CORDON_OUTPUT, else ~/.cordon/config.properties, else the local stack (127.0.0.1:8081-8083)."
    },
    subcommands = {
      LoginCommand.class,
      LogoutCommand.class,
      ReportCommand.class,
      PlanCommand.class,
      RunsCommand.class,
      ApprovalsCommand.class,
      IncidentsCommand.class,
      AccountsCommand.class,
      EvidenceCommand.class,
      PartnersCommand.class,
      CompletionCommand.class
    })
public final class CordonCommand {
  @Option(
      names = {"-o", "--output"},
      scope = ScopeType.INHERIT,
      paramLabel = "table|json",
      description = "table (default, for people) or json (the services' answer, for scripts)")
  OutputFormat output;

  @Option(
      names = "--account-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "account-service (default http://127.0.0.1:8081)")
  String accountUrl;

  @Option(
      names = "--playbook-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "playbook-service (default http://127.0.0.1:8082)")
  String playbookUrl;

  @Option(
      names = "--notification-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "notification-service (default http://127.0.0.1:8083)")
  String notificationUrl;

  @Option(
      names = "--token",
      scope = ScopeType.INHERIT,
      paramLabel = "TOKEN",
      description = "bearer token for this command; overrides CORDON_TOKEN and the login")
  String token;

  private final CliEnvironment environment;
  private CliConfig config;
  private CordonApiClient client;

  public CordonCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  public CliEnvironment environment() {
    return environment;
  }

  public CliConfig config() {
    if (config == null) {
      config = CliConfig.load(environment);
    }
    return config;
  }

  public Output output() {
    OutputFormat format = output;
    if (format == null) {
      String configured = config().get(Setting.OUTPUT, null);
      format =
          configured != null && configured.equalsIgnoreCase("json")
              ? OutputFormat.JSON
              : OutputFormat.TABLE;
    }
    return new Output(environment.out(), format);
  }

  public CordonApiClient client() {
    if (client == null) {
      Map<Setting, String> flags = new EnumMap<>(Setting.class);
      if (accountUrl != null) {
        flags.put(Setting.ACCOUNT_URL, accountUrl);
      }
      if (playbookUrl != null) {
        flags.put(Setting.PLAYBOOK_URL, playbookUrl);
      }
      if (notificationUrl != null) {
        flags.put(Setting.NOTIFICATION_URL, notificationUrl);
      }
      client =
          new CordonApiClient(
              CordonApiClient.defaultHttpClient(),
              config().endpoints(flags),
              new TokenResolver(environment, token),
              RetryPolicy.DEFAULT,
              Sleeper.REAL,
              notice -> environment.err().println(notice));
    }
    return client;
  }

  /** The token given for this one command with --token, if any. */
  public String flagToken() {
    return token;
  }
}
