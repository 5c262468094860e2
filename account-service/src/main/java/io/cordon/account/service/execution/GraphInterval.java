package io.cordon.account.service.execution;

import io.cordon.account.client.ClockOffset;
import io.cordon.account.repository.ActionLedgerEntity;
import java.time.Instant;

/** A moment in Graph's clock, known to lie between {@code earliest} and {@code latest}. */
record GraphInterval(Instant earliest, Instant latest) {

  /**
   * The Graph time of a row's unconfirmed attempt as its executor measured it; for rows from before
   * that was recorded, its local time placed with this instance's measurement.
   */
  static GraphInterval ofUnconfirmedAttempt(ActionLedgerEntity row, ClockOffset offset) {
    if (row.possiblyAppliedGraphEarliest != null && row.possiblyAppliedGraphLatest != null) {
      return new GraphInterval(row.possiblyAppliedGraphEarliest, row.possiblyAppliedGraphLatest);
    }
    return new GraphInterval(
        offset.earliestGraphTime(row.possiblyAppliedSince),
        offset.latestGraphTime(row.possiblyAppliedSince));
  }

  @Override
  public String toString() {
    return "between " + earliest + " and " + latest + " in Graph's clock";
  }
}
