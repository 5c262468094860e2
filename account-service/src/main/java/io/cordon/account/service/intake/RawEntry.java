package io.cordon.account.service.intake;

import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.util.List;

/**
 * One account entry as received: where it came from (for the rejection echo), value and tenant.
 *
 * @param activityAt the latest activity the evidence states for the account, or null
 * @param firstSeenAt the earliest attacker activity the evidence states for the account, or null
 * @param indicators the indicators of compromise the evidence names for the account; never null
 */
public record RawEntry(
    String input,
    String value,
    String tenant,
    Instant activityAt,
    Instant firstSeenAt,
    List<Indicator> indicators) {

  public RawEntry {
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }

  public RawEntry(String input, String value, String tenant) {
    this(input, value, tenant, null);
  }

  public RawEntry(String input, String value, String tenant, Instant activityAt) {
    this(input, value, tenant, activityAt, null, List.of());
  }

  public RawEntry withActivity(Instant at) {
    return new RawEntry(input, value, tenant, at, firstSeenAt, indicators);
  }

  /** The same entry with the evidence a detection item states for all its accounts. */
  public RawEntry withEvidence(Instant activity, Instant firstSeen, List<Indicator> named) {
    return new RawEntry(input, value, tenant, activity, firstSeen, named);
  }
}
