package io.cordon.cli.client;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a request again: only on 429 (throttled) and 503 (the services say "nothing was
 * changed, try again"), a few times, waiting what {@code Retry-After} asks (seconds or an HTTP
 * date), else backing off; never longer than {@code maxWait}, so a terminal does not hang.
 */
public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxWait) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

  public boolean retryable(int status) {
    return status == 429 || status == 503;
  }

  /** How long to wait before retry number {@code retry} (1-based). */
  public Duration delay(HttpResponse<?> response, int retry, Instant now) {
    Duration backoff = firstBackoff.multipliedBy(1L << Math.min(retry - 1, 10));
    Duration wanted = retryAfter(response, now).orElse(backoff);
    if (wanted.isNegative()) {
      return Duration.ZERO;
    }
    return wanted.compareTo(maxWait) > 0 ? maxWait : wanted;
  }

  static Optional<Duration> retryAfter(HttpResponse<?> response, Instant now) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().trim();
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(Duration.between(now, at));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
