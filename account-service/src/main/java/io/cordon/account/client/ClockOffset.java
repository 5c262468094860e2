package io.cordon.account.client;

import java.time.Duration;
import java.time.Instant;

/**
 * Graph's clock minus the local clock lies in {@code [min, max]}.
 *
 * @param min the smallest the offset can be
 * @param max the largest the offset can be
 */
public record ClockOffset(Duration min, Duration max) {

  /**
   * From a {@code Date} header of {@code graphSecond} (Graph's clock truncated to the second) on an
   * answer to a request sent at local {@code sent} and answered at local {@code received}: Graph
   * stamped it at some local time in between, at a Graph time in {@code [graphSecond, +1 s)}.
   */
  public static ClockOffset measured(Instant graphSecond, Instant sent, Instant received) {
    return new ClockOffset(
        Duration.between(received, graphSecond),
        Duration.between(sent, graphSecond.plusSeconds(1)));
  }

  /** The earliest Graph time that a local instant can correspond to. */
  public Instant earliestGraphTime(Instant local) {
    return local.plus(min);
  }

  /** The latest Graph time that a local instant can correspond to. */
  public Instant latestGraphTime(Instant local) {
    return local.plus(max);
  }
}
