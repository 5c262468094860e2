package io.cordon.cli.client;

import io.cordon.cli.config.Endpoints;
import java.net.URI;

/** The three services the command line talks to. */
public enum Service {
  ACCOUNT("account-service"),
  PLAYBOOK("playbook-service"),
  NOTIFICATION("notification-service");

  private final String displayName;

  Service(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  public URI baseUrl(Endpoints endpoints) {
    return switch (this) {
      case ACCOUNT -> endpoints.account();
      case PLAYBOOK -> endpoints.playbook();
      case NOTIFICATION -> endpoints.notification();
    };
  }
}
