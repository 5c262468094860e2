package io.cordon.account.service.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.account.client.ClockOffset;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Placing a whole-second Graph time against an attempt whose Graph time is known to a bound. */
class EffectOrderTest {
  // the reported sequence: sent 11:21:29.918, checked 11:23:39.941 to .996 with Date 11:23:39
  private static final Instant SENT = Instant.parse("2026-12-06T11:21:29.918Z");
  private static final ClockOffset OFFSET =
      ClockOffset.measured(
          Instant.parse("2026-12-06T11:23:39Z"),
          Instant.parse("2026-12-06T11:23:39.941Z"),
          Instant.parse("2026-12-06T11:23:39.996Z"));
  private static final GraphInterval ATTEMPT =
      new GraphInterval(OFFSET.earliestGraphTime(SENT), OFFSET.latestGraphTime(SENT));

  @Test
  void graphsValueInTheSecondOfTheAttemptCannotBeDecided() {
    assertThat(EffectOrder.of(Instant.parse("2026-12-06T11:21:29Z"), ATTEMPT))
        .isEqualTo(EffectOrder.UNDECIDABLE);
  }

  @Test
  void aValueWhoseSecondEndedBeforeTheAttemptCouldReachGraphIsBefore() {
    assertThat(EffectOrder.of(Instant.parse("2026-12-06T11:21:27Z"), ATTEMPT))
        .isEqualTo(EffectOrder.BEFORE_ATTEMPT);
  }

  @Test
  void aValueFromAfterTheAttemptIsAfter() {
    assertThat(EffectOrder.of(Instant.parse("2026-12-06T11:21:30Z"), ATTEMPT))
        .isEqualTo(EffectOrder.AFTER_ATTEMPT);
  }

  @Test
  void noValueMeansTheAttemptDidNotApply() {
    assertThat(EffectOrder.of(null, ATTEMPT)).isEqualTo(EffectOrder.BEFORE_ATTEMPT);
  }

  @Test
  void theOffsetBracketsGraphsClockFromTheDateHeaderAndTheRoundTrip() {
    assertThat(OFFSET.min()).isEqualTo(java.time.Duration.ofMillis(-996));
    assertThat(OFFSET.max()).isEqualTo(java.time.Duration.ofMillis(59));
  }

  @Test
  void aGraphClockAheadMovesTheAttemptLaterInGraphTime() {
    ClockOffset ahead =
        ClockOffset.measured(
            Instant.parse("2026-12-06T11:24:09Z"),
            Instant.parse("2026-12-06T11:23:39.941Z"),
            Instant.parse("2026-12-06T11:23:39.996Z"));
    GraphInterval attempt =
        new GraphInterval(ahead.earliestGraphTime(SENT), ahead.latestGraphTime(SENT));

    // in the local clock this looks 25 s after the attempt; in Graph's it is 5 s before
    assertThat(EffectOrder.of(Instant.parse("2026-12-06T11:21:54Z"), attempt))
        .isEqualTo(EffectOrder.BEFORE_ATTEMPT);
  }
}
