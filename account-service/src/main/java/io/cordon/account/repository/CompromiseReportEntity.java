package io.cordon.account.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "compromise_report")
public class CompromiseReportEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "incident_id")
  public String incidentId;

  @Column(name = "incident_title")
  public String incidentTitle;

  public String severity;

  /** True when the reporter named no incident (see CompromiseReported.incidentInferred). */
  @Column(name = "incident_inferred")
  public boolean incidentInferred;

  @Column(name = "requested_playbook")
  public String requestedPlaybook;

  public String source;

  @Column(name = "source_label")
  public String sourceLabel;

  @Column(name = "reported_by")
  public String reportedBy;

  /** The submitter's unchangeable identity, handed on so four eyes never compares names. */
  @Column(name = "reported_by_id")
  public String reportedById;

  @Column(name = "received_at")
  public Instant receivedAt;

  @Column(name = "accepted_count")
  public int acceptedCount;

  @Column(name = "rejected_count")
  public int rejectedCount;

  @Column(name = "duplicate_count")
  public int duplicateCount;

  public String status;

  /** The caller's Idempotency-Key or the webhook-id of a detection; null when none was sent. */
  @Column(name = "delivery_key")
  public String deliveryKey;

  /** SHA-256 of the body that came with the delivery key, to tell a retry from a reuse. */
  @Column(name = "body_sha256")
  public String bodySha256;

  /** The W3C trace context of the work that created the row (docs/operations.md "Tracing"). */
  public String traceparent;

  /**
   * Why a detector's report waits for a person before anything is published; null if it never did.
   */
  @Column(name = "hold_reason")
  public String holdReason;

  /** The person who let a held report go on. */
  @Column(name = "released_by")
  public String releasedBy;

  @Column(name = "released_at")
  public Instant releasedAt;
}
