package io.cordon.playbook.service.incident;

import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An account as evidence names it.
 *
 * @param tenantId the directory id of the account's tenant
 * @param tenantName that tenant's configured name; null when not known
 * @param activityAt the activity the evidence describes, or null when it gives none
 * @param firstSeenAt the earliest attacker activity the evidence names, or null
 * @param indicators the indicators of compromise the evidence names for it; never null
 */
public record NamedAccount(
    String objectId,
    String userPrincipalName,
    String tenantId,
    String tenantName,
    Instant activityAt,
    Instant firstSeenAt,
    List<Indicator> indicators) {

  public NamedAccount {
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }

  /** An account named with no first-seen time and no indicators (a manual run). */
  public NamedAccount(
      String objectId,
      String userPrincipalName,
      String tenantId,
      String tenantName,
      Instant activityAt) {
    this(objectId, userPrincipalName, tenantId, tenantName, activityAt, null, List.of());
  }

  /**
   * Two mentions of one account in one piece of evidence as one: the latest activity, the earliest
   * first sighting, the indicators of both.
   */
  static NamedAccount merged(NamedAccount one, NamedAccount other) {
    NamedAccount later = later(one, other);
    List<Indicator> both = new ArrayList<>(one.indicators());
    both.addAll(other.indicators());
    return new NamedAccount(
        later.objectId(),
        later.userPrincipalName(),
        later.tenantId(),
        later.tenantName(),
        later.activityAt(),
        earliest(one.firstSeenAt(), other.firstSeenAt()),
        both);
  }

  /**
   * The indicators once per (type, case-insensitive value), in the order first named; of repeated
   * ones, the newest observation is kept.
   */
  public List<Indicator> distinctIndicators() {
    Map<String, Indicator> byKey = new LinkedHashMap<>();
    for (Indicator indicator : indicators) {
      byKey.merge(
          indicator.type().name() + '\n' + indicator.value().toLowerCase(Locale.ROOT),
          indicator,
          (kept, again) -> newer(again, kept) ? again : kept);
    }
    return List.copyOf(byKey.values());
  }

  /** Of two mentions of one account, the one with the latest activity. */
  private static NamedAccount later(NamedAccount one, NamedAccount other) {
    if (one.activityAt() == null) {
      return other.activityAt() == null ? one : other;
    }
    return other.activityAt() != null && other.activityAt().isAfter(one.activityAt()) ? other : one;
  }

  private static boolean newer(Indicator candidate, Indicator kept) {
    return candidate.observedAt() != null
        && (kept.observedAt() == null || candidate.observedAt().isAfter(kept.observedAt()));
  }

  private static Instant earliest(Instant one, Instant other) {
    if (one == null) {
      return other;
    }
    return other != null && other.isBefore(one) ? other : one;
  }
}
