package io.cordon.account.service.recovery;

import java.time.Instant;

/**
 * What is known of an account's latest sealed pass, without the pass: SEALED (waiting to be read),
 * RETRIEVED (read once, erased) or EXPIRED (ran out unread, erased).
 */
public record PassStatus(
    String accountObjectId,
    String actionId,
    String runId,
    String state,
    Instant createdAt,
    Instant startDateTime,
    Instant expiresAt,
    boolean isUsableOnce,
    String retrievedBy,
    Instant retrievedAt) {}
