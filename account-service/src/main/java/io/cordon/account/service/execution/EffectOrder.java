package io.cordon.account.service.execution;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where a change that Graph shows lies relative to an unconfirmed attempt, judged the way Graph
 * reports it: in whole seconds of Graph's own clock.
 */
enum EffectOrder {
  /** The change ended before the attempt could have reached Graph: the attempt did not apply. */
  BEFORE_ATTEMPT,
  /** The change began after the attempt was made: its effect is there. */
  AFTER_ATTEMPT,
  /** The change's second overlaps the attempt once clock uncertainty is counted. */
  UNDECIDABLE;

  /**
   * @param shown the time Graph shows for the change (whole seconds), or null when there was none
   * @param attempt when the unconfirmed attempt was claimed, in Graph's clock (earliest, latest)
   */
  static EffectOrder of(Instant shown, GraphInterval attempt) {
    if (shown == null) {
      return BEFORE_ATTEMPT;
    }
    // Graph stamps the second the change happened in: it happened somewhere in [from, until)
    Instant from = shown.truncatedTo(ChronoUnit.SECONDS);
    Instant until = from.plusSeconds(1);
    if (!until.isAfter(attempt.earliest())) {
      return BEFORE_ATTEMPT;
    }
    if (!from.isBefore(attempt.latest())) {
      return AFTER_ATTEMPT;
    }
    return UNDECIDABLE;
  }
}
