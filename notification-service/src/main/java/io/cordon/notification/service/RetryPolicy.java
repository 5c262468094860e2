package io.cordon.notification.service;

import io.cordon.notification.config.NotificationConfig;
import io.cordon.notification.repository.AttemptOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a delivery again (DESIGN §7). The schedule is data: entry {@code n} is the delay
 * before attempt {@code n + 1}, counted from the attempt before; its length caps the attempts.
 * Delays are jittered; a partner's Retry-After is honoured (up to a cap) when it asks for longer.
 */
public final class RetryPolicy {
  private final List<Duration> schedule;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final RandomGenerator random;

  public RetryPolicy(
      List<Duration> schedule, double jitter, Duration maxRetryAfter, RandomGenerator random) {
    if (schedule.isEmpty()) {
      throw new IllegalArgumentException("the retry schedule needs at least one entry");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
    this.schedule = List.copyOf(schedule);
    this.jitter = jitter;
    this.maxRetryAfter = maxRetryAfter;
    this.random = random;
  }

  public static RetryPolicy of(NotificationConfig.Delivery config) {
    return new RetryPolicy(
        config.retrySchedule(),
        config.jitter(),
        config.maxRetryAfter(),
        RandomGenerator.getDefault());
  }

  public int maxAttempts() {
    return schedule.size();
  }

  /** The delay before the first attempt of a new (or redelivered) delivery. */
  public Duration firstDelay() {
    return jittered(schedule.get(0));
  }

  /**
   * The delay before the next attempt after {@code attemptsInRound} attempts, or empty when the
   * schedule is used up. A longer Retry-After wins.
   */
  public Optional<Duration> nextDelay(int attemptsInRound, Duration retryAfter) {
    if (attemptsInRound >= schedule.size()) {
      return Optional.empty();
    }
    Duration delay = jittered(schedule.get(attemptsInRound));
    if (retryAfter != null) {
      Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
      if (asked.compareTo(delay) > 0) {
        delay = asked;
      }
    }
    return Optional.of(delay);
  }

  /**
   * How an HTTP status counts: 2xx delivered; 410 gone; 408, 425, 429 and 5xx worth retrying; every
   * other answer (3xx, because redirects are not followed, and 4xx) permanent.
   */
  public static AttemptOutcome classify(int status) {
    if (status >= 200 && status < 300) {
      return AttemptOutcome.DELIVERED;
    }
    if (status == 410) {
      return AttemptOutcome.GONE;
    }
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      return AttemptOutcome.RETRYABLE;
    }
    return AttemptOutcome.PERMANENT;
  }

  /** Retry-After as delay-seconds or an HTTP-date; empty when absent or unreadable. */
  public static Optional<Duration> parseRetryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 2));
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration delay = Duration.between(now, at);
      return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private Duration jittered(Duration delay) {
    if (delay.isZero() || jitter == 0) {
      return delay;
    }
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Duration.ofNanos((long) (delay.toNanos() * factor));
  }
}
