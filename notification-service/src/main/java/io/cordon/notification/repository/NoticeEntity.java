package io.cordon.notification.repository;

import io.cordon.contracts.Disclosure;
import io.cordon.contracts.Severity;
import io.cordon.contracts.Tlp;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * What one partner is told about one incident by one notification request. The first notice per
 * partner and incident has sequence 1; later ones are follow-ups pointing at it. The body is fixed
 * when the notice is made, so every redelivery sends the very same bytes.
 */
@Entity
@Table(name = "notice")
public class NoticeEntity extends PanacheEntityBase {
  @Id public UUID id;

  /** Insertion order, the paging key of {@code GET /notifications}. */
  @Generated
  @Column(insertable = false, updatable = false)
  public Long seq;

  /** No foreign key: the record of what was sent outlives a deleted partner. */
  @Column(name = "partner_id", nullable = false)
  public UUID partnerId;

  @Column(name = "partner_name", nullable = false)
  public String partnerName;

  @Column(name = "incident_id", nullable = false)
  public String incidentId;

  @Column(name = "incident_title")
  public String incidentTitle;

  @Enumerated(EnumType.STRING)
  @Column(name = "incident_severity")
  public Severity incidentSeverity;

  @Column(name = "notification_id", nullable = false)
  public String notificationId;

  @Column(name = "request_event_id", nullable = false)
  public String requestEventId;

  @Column(nullable = false)
  public int sequence;

  @Column(name = "follow_up_of")
  public UUID followUpOf;

  /** The Standard Webhooks {@code webhook-id}: the receiver's deduplication key. */
  @Column(name = "webhook_id", nullable = false, unique = true)
  public String webhookId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Disclosure disclosure;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Tlp tlp;

  /** The webhook envelope as sent, already filtered by disclosure. */
  @Column(nullable = false, columnDefinition = "text")
  public String body;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The containment status of the partner's accounts the notice reported, when known. */
  @Column(name = "exposure_status")
  public String exposureStatus;

  /** Digests of every in-scope account the partner has been told of so far, comma-separated. */
  @Column(name = "account_digests", nullable = false, columnDefinition = "text")
  public String accountDigests = "";
}
