package io.cordon.notification.mapping;

import io.cordon.contracts.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice as {@code GET /notifications} shows it: who was told what, on which channels, and every
 * attempt. The notice's content (and so any account name) is not repeated here.
 */
public record NoticeView(
    UUID id,
    String webhookId,
    Incident incident,
    String notificationId,
    Partner partner,
    int sequence,
    UUID followUpOf,
    String tlp,
    String disclosure,
    Instant createdAt,
    List<Delivery> deliveries) {

  public record Incident(String id, String title, Severity severity) {}

  public record Partner(UUID id, String name) {}

  /**
   * @param channel {@code webhook} or {@code email}
   * @param recipient the contact address for e-mail, null for the webhook
   * @param status PENDING, DELIVERED, FAILED or DISABLED
   * @param attemptCount attempts over the delivery's life, redeliveries included
   */
  public record Delivery(
      UUID id,
      String channel,
      String recipient,
      String status,
      int attemptCount,
      Instant nextAttemptAt,
      Instant deliveredAt,
      Instant finishedAt,
      String finalReason,
      Instant redeliveredAt,
      String redeliveredBy,
      List<Attempt> attempts) {}

  /**
   * @param outcome DELIVERED, RETRYABLE, PERMANENT, GONE or BLOCKED
   * @param statusCode the HTTP status or SMTP reply code, when there was one
   */
  public record Attempt(
      int number,
      String target,
      Instant startedAt,
      long latencyMs,
      String outcome,
      Integer statusCode,
      String error,
      Instant nextAttemptAt) {}
}
