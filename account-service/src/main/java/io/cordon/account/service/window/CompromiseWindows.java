package io.cordon.account.service.window;

import io.cordon.account.config.CompromiseWindowConfig;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.ReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Decides each cleanup row's compromise window when the row is recorded, from the evidence of the
 * account's reports (docs/playbooks.md "Compromise window"); the row keeps it, so every retry lists
 * against the same window.
 */
@ApplicationScoped
public class CompromiseWindows {
  @Inject CompromiseWindowConfig config;

  /**
   * The earliest {@code first_seen} or activity time stated by the account's reports received in
   * the look-back before {@code requestedAt}; else the earliest such report's receipt time minus
   * the look-back; else (no report known here) {@code requestedAt} minus the look-back.
   */
  public CompromiseWindow forAccount(String objectId, Instant requestedAt) {
    ReportStore.Evidence evidence =
        ReportStore.evidenceOf(objectId, requestedAt.minus(config.lookBack()), requestedAt);
    Instant firstSeen = evidence.firstSeenAt();
    Instant activity = evidence.activityAt();
    if (firstSeen != null && (activity == null || !activity.isBefore(firstSeen))) {
      return new CompromiseWindow(firstSeen, CompromiseWindow.Source.FIRST_SEEN);
    }
    if (activity != null) {
      return new CompromiseWindow(activity, CompromiseWindow.Source.ACTIVITY);
    }
    Instant reported = evidence.receivedAt() == null ? requestedAt : evidence.receivedAt();
    return new CompromiseWindow(
        reported.minus(config.lookBack()), CompromiseWindow.Source.LOOK_BACK);
  }

  /** The row's recorded window; rows recorded before windows existed get the look-back. */
  public CompromiseWindow of(ActionLedgerEntity row) {
    if (row.windowStart != null && row.windowSource != null) {
      return new CompromiseWindow(
          row.windowStart, CompromiseWindow.Source.valueOf(row.windowSource));
    }
    return new CompromiseWindow(
        row.requestedAt.minus(config.lookBack()), CompromiseWindow.Source.LOOK_BACK);
  }
}
