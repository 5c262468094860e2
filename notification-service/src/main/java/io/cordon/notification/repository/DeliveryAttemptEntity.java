package io.cordon.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One try to hand a delivery over, whatever came of it. Append-only. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttemptEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "delivery_id", nullable = false)
  public UUID deliveryId;

  /** 1 for the first attempt of the delivery, counting on across redeliveries. */
  @Column(nullable = false)
  public int number;

  /** The URL or address tried. */
  @Column(nullable = false)
  public String target;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "latency_ms", nullable = false)
  public long latencyMs;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AttemptOutcome outcome;

  /** HTTP status, or the SMTP reply code when one is known. */
  @Column(name = "status_code")
  public Integer statusCode;

  @Column public String error;

  /** When the attempt after this one was scheduled for; null when none is. */
  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;
}
