package io.cordon.account.service.tenant;

import java.util.List;

/**
 * One tenant as an administrator sees it over the API: where it lives and whether the app may act
 * there. Holds no secret, client secret and certificate path included: {@code credential} is only
 * its kind ({@code client-secret}, {@code certificate}, {@code workload-identity}, or {@code
 * none}).
 */
public record TenantView(
    String name,
    String tenantId,
    String clientId,
    String credential,
    String cloud,
    boolean isDefault,
    String tenantSize,
    List<String> domains,
    String graphBaseUrl,
    String authorityHost,
    Readiness readiness) {

  /**
   * The tenant's Graph readiness in brief ({@code GET /api/v1/graph/readiness?tenant=<name>} has
   * the detail); {@code unavailable} says why Entra issued no token.
   */
  public record Readiness(boolean ready, List<String> missing, String unavailable) {}
}
