package io.cordon.account.service.execution;

import io.cordon.account.config.GraphConfig;
import io.cordon.account.service.verdict.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: Graph's Retry-After when it gave one, else capped exponential backoff with
 * jitter (half fixed, half random) so that many accounts do not retry in lockstep.
 */
@ApplicationScoped
public class RetrySchedule {
  @Inject GraphConfig config;

  public int maxAttempts() {
    return config.retry().maxAttempts();
  }

  public Duration delay(int attemptsSoFar, Verdict verdict) {
    if (verdict.retryAfter() != null) {
      return verdict.retryAfter();
    }
    return backoff(attemptsSoFar);
  }

  public Duration backoff(int attemptsSoFar) {
    long initial = config.retry().initialBackoff().toMillis();
    long cap = config.retry().maxBackoff().toMillis();
    long exponential = initial << Math.min(Math.max(attemptsSoFar - 1, 0), 20);
    long ceiling = Math.min(cap, exponential);
    return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
  }
}
