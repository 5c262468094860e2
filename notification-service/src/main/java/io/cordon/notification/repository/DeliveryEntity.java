package io.cordon.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One notice on one channel (and, for e-mail, to one contact). Its schedule lives here, so any
 * instance can carry on where another stopped.
 */
@Entity
@Table(name = "delivery")
public class DeliveryEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "notice_id", nullable = false)
  public UUID noticeId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DeliveryChannel channel;

  /** The contact address for e-mail; empty for the webhook (its URL is read when sending). */
  @Column(nullable = false)
  public String recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DeliveryStatus status;

  /** Attempts made so far, over the delivery's whole life. */
  @Column(nullable = false)
  public int attempts;

  /** Position in the retry schedule; a redelivery starts the schedule over. */
  @Column(name = "schedule_step", nullable = false)
  public int scheduleStep;

  /** When the next attempt is due, or until when a claim hides it; null once final. */
  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  /** Set by the instance that claimed the delivery for an attempt. */
  @Column(name = "claim_token")
  public UUID claimToken;

  @Column(name = "final_reason")
  public String finalReason;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Column(name = "redelivered_at")
  public Instant redeliveredAt;

  @Column(name = "redelivered_by")
  public String redeliveredBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
