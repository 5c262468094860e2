package io.cordon.notification.repository;

/** What one delivery attempt came to. */
public enum AttemptOutcome {
  /** 2xx, or the SMTP server accepted the mail. */
  DELIVERED,
  /** 408, 425, 429, 5xx, a timeout or a network error: worth trying again later. */
  RETRYABLE,
  /** Any other answer (4xx, 3xx, SMTP 5xx): trying again would not help. */
  PERMANENT,
  /** 410 Gone: the endpoint is disabled. */
  GONE,
  /** The host resolved to an address webhooks may not target; nothing was sent. */
  BLOCKED
}
