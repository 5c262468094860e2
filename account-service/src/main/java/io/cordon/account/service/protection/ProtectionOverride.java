package io.cordon.account.service.protection;

import java.time.Instant;

/**
 * An override as the API shows it.
 *
 * @param state REQUESTED (waiting for an admin), ACTIVE (actions go through until {@code
 *     expiresAt}), EXPIRED or ENDED (withdrawn or ended early by an admin)
 */
public record ProtectionOverride(
    String id,
    String accountId,
    String state,
    String reason,
    int durationMinutes,
    String requestedBy,
    Instant requestedAt,
    String approvedBy,
    Instant approvedAt,
    Instant expiresAt,
    String endedBy,
    Instant endedAt) {}
