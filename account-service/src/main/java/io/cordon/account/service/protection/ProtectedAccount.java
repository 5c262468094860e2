package io.cordon.account.service.protection;

import java.time.Instant;

/**
 * An entry of the protected list as the API shows it.
 *
 * @param kind {@code user} or {@code group}
 * @param source {@code api} (kept by admins, removable) or {@code configuration} (read-only here)
 * @param tenant the configured name of the one tenant the entry protects in; null for every tenant
 *     (or for a tenant no longer configured: {@code tenantId} still names it)
 * @param tenantId that tenant's directory id; null for every tenant
 */
public record ProtectedAccount(
    String id,
    String kind,
    String reason,
    String tenant,
    String tenantId,
    String source,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt) {

  static final String FROM_API = "api";
  static final String FROM_CONFIGURATION = "configuration";
}
