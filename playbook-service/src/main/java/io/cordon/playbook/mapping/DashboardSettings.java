package io.cordon.playbook.mapping;

import java.util.List;

/**
 * What the dashboard page needs before anyone signs in; nothing secret.
 *
 * @param notificationsUrl notification-service as the browser reaches it; null: no notices panel
 * @param oidc null when no provider is configured
 * @param devSignIn null unless dev sign-in is enabled
 */
public record DashboardSettings(String notificationsUrl, Oidc oidc, DevSignIn devSignIn) {

  public record Oidc(String authority, String clientId, String scopes) {}

  public record DevSignIn(List<String> roles) {}
}
