package io.cordon.cli.config;

import io.cordon.cli.CliFailure;
import io.cordon.cli.ExitCodes;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/** Settings resolved flag first, then environment, then the config file, then the default. */
public final class CliConfig {
  private final CliEnvironment environment;
  private final Properties file;

  private CliConfig(CliEnvironment environment, Properties file) {
    this.environment = environment;
    this.file = file;
  }

  public static CliConfig load(CliEnvironment environment) {
    Properties file = new Properties();
    String text = environment.home().readOrNull("config.properties");
    if (text != null) {
      try {
        file.load(new StringReader(text));
      } catch (IOException e) {
        throw new CliFailure(
            ExitCodes.USAGE,
            "cannot read " + environment.home().configFile() + ": " + e.getMessage());
      }
    }
    return new CliConfig(environment, file);
  }

  /** The value, or null when neither flag, variable nor file sets it. */
  public String get(Setting setting, String flag) {
    if (flag != null && !flag.isBlank()) {
      return flag.trim();
    }
    String variable = environment.variable(setting.variable());
    if (variable != null) {
      return variable;
    }
    String fromFile = file.getProperty(setting.key());
    return fromFile == null || fromFile.isBlank() ? null : fromFile.trim();
  }

  public String get(Setting setting, String flag, String fallback) {
    String value = get(setting, flag);
    return value == null ? fallback : value;
  }

  public Endpoints endpoints(Map<Setting, String> flags) {
    Endpoints defaults = Endpoints.LOCAL_STACK;
    return new Endpoints(
        url(Setting.ACCOUNT_URL, flags.get(Setting.ACCOUNT_URL), defaults.account()),
        url(Setting.PLAYBOOK_URL, flags.get(Setting.PLAYBOOK_URL), defaults.playbook()),
        url(
            Setting.NOTIFICATION_URL,
            flags.get(Setting.NOTIFICATION_URL),
            defaults.notification()));
  }

  private URI url(Setting setting, String flag, URI fallback) {
    String value = get(setting, flag);
    if (value == null) {
      return fallback;
    }
    try {
      URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CliFailure(
          ExitCodes.USAGE, setting.key() + " '" + value + "' is not an http(s) URL");
    }
  }
}
