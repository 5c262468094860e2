package io.cordon.account.config;

import io.cordon.account.config.GraphConfig.TenantSize;
import java.util.List;
import java.util.Optional;

/**
 * One Entra tenant Cordon acts in, with everything resolved: hosts from its cloud (or the given
 * overrides), credential, size and the domains configured for it. {@link #toString()} never shows
 * the secret.
 */
public record GraphTenant(
    String name,
    String tenantId,
    String clientId,
    Optional<AppCredential> credential,
    GraphCloud cloud,
    String baseUrl,
    String authorityHost,
    String scope,
    TenantSize size,
    List<String> configuredDomains,
    boolean isDefault) {

  public GraphTenant {
    configuredDomains = List.copyOf(configuredDomains);
  }

  @Override
  public String toString() {
    return "GraphTenant[" + name + ", " + tenantId + ", " + cloud.key() + "]";
  }
}
