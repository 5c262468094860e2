package io.cordon.notification.mapping;

import io.cordon.contracts.events.AffectedAccount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the incident means for one partner: its accounts (those in its scopes; for a partner met by
 * an incident tag alone, the incident's), how many are privileged, the compromise window and how
 * far their containment has come.
 */
public final class PartnerExposure {
  // the first state found in this order names the partner's status: the least finished wins
  private static final List<String> PRECEDENCE =
      List.of("IN_PROGRESS", "UNCONTAINED", "PARTIAL", "REQUIRES_MANUAL");

  private PartnerExposure() {}

  public static NoticeDocument.Exposure of(
      List<AffectedAccount> inScope, List<AffectedAccount> all) {
    List<AffectedAccount> concerned = inScope.isEmpty() ? all : inScope;
    Map<String, Integer> containment = new TreeMap<>();
    int privileged = 0;
    boolean everyStateKnown = !concerned.isEmpty();
    Instant firstActivity = null;
    Instant lastContained = null;
    for (AffectedAccount account : concerned) {
      if (Boolean.TRUE.equals(account.privileged())) {
        privileged++;
      }
      if (account.containment() == null) {
        everyStateKnown = false;
      } else {
        containment.merge(account.containment(), 1, Integer::sum);
      }
      firstActivity = earlier(firstActivity, account.firstActivityAt());
      lastContained = later(lastContained, account.containedAt());
    }
    String status = everyStateKnown ? status(containment) : null;
    return new NoticeDocument.Exposure(
        inScope.size(),
        privileged,
        firstActivity,
        // the window closes only when every account of the partner is contained
        "CONTAINED".equals(status) ? lastContained : null,
        status,
        containment.isEmpty() ? null : containment);
  }

  static String status(Map<String, Integer> containment) {
    return PRECEDENCE.stream()
        .filter(containment::containsKey)
        .findFirst()
        .orElse("CONTAINED"); // CONTAINED or RELEASED: nothing of the partner is still at risk
  }

  private static Instant earlier(Instant one, Instant other) {
    if (one == null || other == null) {
      return one == null ? other : one;
    }
    return other.isBefore(one) ? other : one;
  }

  private static Instant later(Instant one, Instant other) {
    if (one == null || other == null) {
      return one == null ? other : one;
    }
    return other.isAfter(one) ? other : one;
  }
}
