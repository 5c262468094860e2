package io.cordon.notification.repository;

/** Where a delivery stands. Only PENDING deliveries are ever attempted. */
public enum DeliveryStatus {
  /** Due at {@code next_attempt_at} (or in flight under a claim lease). */
  PENDING,
  /** The partner accepted it (2xx, or the SMTP server took the mail). */
  DELIVERED,
  /** Given up: a permanent error, retries exhausted, or no channel left to use. */
  FAILED,
  /** Not sent because the partner's webhook endpoint is disabled (it answered 410 Gone). */
  DISABLED;

  public boolean isFinal() {
    return this != PENDING;
  }
}
