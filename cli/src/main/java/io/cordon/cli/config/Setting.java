package io.cordon.cli.config;

/**
 * A setting that may come from a flag, an environment variable or {@code
 * ~/.cordon/config.properties}, in that order of precedence, else a built-in default.
 */
public enum Setting {
  ACCOUNT_URL("account-url", "CORDON_ACCOUNT_URL"),
  PLAYBOOK_URL("playbook-url", "CORDON_PLAYBOOK_URL"),
  NOTIFICATION_URL("notification-url", "CORDON_NOTIFICATION_URL"),
  OUTPUT("output", "CORDON_OUTPUT"),
  TENANT("tenant", "CORDON_TENANT"),
  CLIENT_ID("client-id", "CORDON_CLIENT_ID"),
  AUTHORITY("authority", "CORDON_AUTHORITY"),
  SCOPES("scopes", "CORDON_SCOPES");

  private final String key;
  private final String variable;

  Setting(String key, String variable) {
    this.key = key;
    this.variable = variable;
  }

  public String key() {
    return key;
  }

  public String variable() {
    return variable;
  }
}
