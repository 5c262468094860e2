package io.cordon.account.service;

import java.time.Instant;

/**
 * One account entry as received: where it came from (for the rejection echo), value and tenant.
 *
 * @param activityAt the latest activity the evidence states for the account, or null
 */
public record RawEntry(String input, String value, String tenant, Instant activityAt) {

  public RawEntry(String input, String value, String tenant) {
    this(input, value, tenant, null);
  }

  public RawEntry withActivity(Instant at) {
    return new RawEntry(input, value, tenant, at);
  }
}
