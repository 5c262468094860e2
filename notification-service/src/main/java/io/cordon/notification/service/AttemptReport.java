package io.cordon.notification.service;

import io.cordon.notification.repository.AttemptOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * How one attempt went, as recorded.
 *
 * @param statusCode HTTP status or SMTP reply code, when there was one
 * @param error what went wrong, for the operator; never request headers or body
 * @param retryAfter how long the partner asked us to wait, when it did
 */
public record AttemptReport(
    Instant startedAt,
    long latencyMs,
    AttemptOutcome outcome,
    Integer statusCode,
    String error,
    Duration retryAfter) {

  /** A short account of a failed attempt, for final reasons and result events. */
  public String describe() {
    if (error != null) {
      return error;
    }
    return statusCode == null ? outcome.name() : "status " + statusCode;
  }
}
