package io.cordon.account.service.tenant;

import io.cordon.account.config.GraphTenant;

/** Where an entry's account lives: a configured tenant, or why none can be told. */
public record TenantRoute(GraphTenant tenant, String refusal) {
  public static TenantRoute to(GraphTenant tenant) {
    return new TenantRoute(tenant, null);
  }

  public static TenantRoute refused(String reason) {
    return new TenantRoute(null, reason);
  }

  public boolean routed() {
    return tenant != null;
  }
}
