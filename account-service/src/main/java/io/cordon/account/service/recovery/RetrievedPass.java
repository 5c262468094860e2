package io.cordon.account.service.recovery;

import java.time.Instant;

/**
 * A sealed pass opened for the helpdesk person who asked, once. The only value that ever carries
 * the pass outside Graph's answer; {@link #toString()} leaves it out.
 */
public record RetrievedPass(
    String accountObjectId,
    String userPrincipalName,
    String temporaryAccessPass,
    Instant startDateTime,
    Instant expiresAt,
    boolean isUsableOnce,
    String retrievedBy,
    Instant retrievedAt) {
  @Override
  public String toString() {
    return "RetrievedPass[account=" + accountObjectId + ", retrievedBy=" + retrievedBy + "]";
  }
}
