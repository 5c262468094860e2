package io.cordon.playbook.service.run;

import io.cordon.playbook.model.Backoff;
import io.cordon.playbook.model.Retry;
import io.cordon.playbook.model.Step;
import java.time.Duration;

/** A step's {@code retry}: whether another attempt may follow and how long to wait for it. */
public final class RetryPolicy {
  private RetryPolicy() {}

  /** Attempts in all; a step without {@code retry} has one. */
  public static int maxAttempts(Step step) {
    return step.retry() == null ? 1 : step.retry().maxAttempts();
  }

  public static boolean mayRetry(Step step, int attemptsMade) {
    return attemptsMade < maxAttempts(step);
  }

  /** The wait before retry number {@code retryNumber} (1 = the second attempt). */
  public static Duration delay(Step step, int retryNumber) {
    Retry retry = step.retry();
    Backoff backoff = retry == null ? Backoff.DEFAULT : retry.backoff();
    double factor = Math.pow(backoff.multiplier(), Math.max(0, retryNumber - 1));
    double millis = backoff.initial().value().toMillis() * factor;
    long max = backoff.max().value().toMillis();
    // the cap also keeps a large multiplier from overflowing
    return Duration.ofMillis(millis >= max ? max : (long) millis);
  }
}
