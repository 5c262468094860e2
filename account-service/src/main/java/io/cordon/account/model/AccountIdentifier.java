package io.cordon.account.model;

import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A normalised account reference from a report: a UPN or an Entra object id, maybe a tenant, and
 * what the evidence says about the account's compromise.
 *
 * @param activityAt the latest activity the evidence states, or null
 * @param firstSeenAt the earliest attacker activity the evidence states, or null
 * @param indicators indicators of compromise the evidence names, without repeats, at most {@link
 *     #MAX_INDICATORS}
 */
public record AccountIdentifier(
    Kind kind,
    String value,
    String tenant,
    Instant activityAt,
    Instant firstSeenAt,
    List<Indicator> indicators) {

  /** Indicators kept per account; repeats of an account beyond that add none. */
  public static final int MAX_INDICATORS = 100;

  public enum Kind {
    UPN,
    OBJECT_ID
  }

  public AccountIdentifier {
    value = value.toLowerCase(Locale.ROOT);
    tenant = tenant == null ? null : tenant.toLowerCase(Locale.ROOT);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }

  public AccountIdentifier(Kind kind, String value, String tenant) {
    this(kind, value, tenant, null, null, List.of());
  }

  public AccountIdentifier(Kind kind, String value, String tenant, Instant activityAt) {
    this(kind, value, tenant, activityAt, null, List.of());
  }

  /** The same account with the later of the two activity times (null counts as none). */
  public AccountIdentifier withLatestActivity(Instant at) {
    return withEvidence(at, null, List.of());
  }

  /**
   * The same account with more evidence: the later activity, the earlier first sighting, and the
   * indicators of both (first ones first, repeats once, at most {@link #MAX_INDICATORS}).
   */
  public AccountIdentifier withEvidence(Instant at, Instant firstSeen, List<Indicator> more) {
    Instant latest =
        at == null || (activityAt != null && !at.isAfter(activityAt)) ? activityAt : at;
    Instant earliest =
        firstSeen == null || (firstSeenAt != null && !firstSeen.isBefore(firstSeenAt))
            ? firstSeenAt
            : firstSeen;
    List<Indicator> all = indicators;
    if (more != null && !more.isEmpty() && indicators.size() < MAX_INDICATORS) {
      Set<Indicator> union = new LinkedHashSet<>(indicators);
      for (Indicator indicator : more) {
        if (union.size() >= MAX_INDICATORS) {
          break;
        }
        union.add(indicator);
      }
      all = new ArrayList<>(union);
    }
    if (latest == activityAt && earliest == firstSeenAt && all == indicators) {
      return this;
    }
    return new AccountIdentifier(kind, value, tenant, latest, earliest, all);
  }

  /** Two entries naming the same account in the same tenant are duplicates. */
  public String dedupKey() {
    return kind + ":" + value + "@" + (tenant == null ? "" : tenant);
  }
}
