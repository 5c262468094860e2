package io.cordon.account.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The one rule for sending a refused request again in place, from a worker thread, instead of
 * handing the whole action back to the ledger: at most {@code sends} sends in all, each after
 * Graph's Retry-After (else the initial backoff doubled), and never when Graph asks for a wait
 * longer than {@code longestWait} — such a wait belongs in the ledger, not in a held thread. Used
 * by the clean-up listings' reads and the clean-up deletions alike.
 */
public record InPlaceRetry(int sends, Duration longestWait, Duration initialBackoff) {

  public static InPlaceRetry of(GraphConfig.Retry retry) {
    return new InPlaceRetry(
        retry.inPlaceSends(), retry.longestWaitInPlace(), retry.initialBackoff());
  }

  /**
   * The wait before send number {@code sendsSoFar + 1}, or empty when the request must not go again
   * in place (sends used up, or Graph asks for too long a wait).
   */
  public Optional<Duration> waitBeforeNextSend(int sendsSoFar, Duration retryAfter) {
    if (sendsSoFar >= sends) {
      return Optional.empty();
    }
    Duration wait =
        retryAfter != null
            ? retryAfter
            : initialBackoff.multipliedBy(1L << Math.min(Math.max(sendsSoFar - 1, 0), 10));
    return wait.compareTo(longestWait) > 0 ? Optional.empty() : Optional.of(wait);
  }
}
