package io.cordon.playbook.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest delivery state notification-service reported for one partner and channel of a run's
 * notify step. Written by {@link PartnerDeliveryStore#record} only; read here.
 */
@Entity
@Table(name = "partner_delivery")
public class PartnerDeliveryEntity extends PanacheEntityBase {
  @Id public Long id;

  @Column(name = "notification_id")
  public String notificationId;

  @Column(name = "partner_id")
  public String partnerId;

  public String channel;

  @Column(name = "run_id")
  public String runId;

  @Column(name = "step_id")
  public String stepId;

  /** {@code DELIVERED} or {@code FAILED}. */
  public String state;

  public int attempts;

  /** When it was delivered, or when delivery gave up. */
  public Instant at;

  public String reason;

  @Column(name = "event_id")
  public String eventId;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
