package io.cordon.account.service;

import io.cordon.account.config.GraphTenant;

/** Where an entry's account lives: a configured tenant, or why none can be told. */
public record TenantRoute(GraphTenant tenant, String refusal) {
  static TenantRoute to(GraphTenant tenant) {
    return new TenantRoute(tenant, null);
  }

  static TenantRoute refused(String reason) {
    return new TenantRoute(null, reason);
  }

  public boolean routed() {
    return tenant != null;
  }
}
