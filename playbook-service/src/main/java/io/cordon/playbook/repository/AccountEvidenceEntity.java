package io.cordon.playbook.repository;

import io.cordon.playbook.model.EvidenceDisposition;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One report, detection or manual run naming one account, and what came of it. */
@Entity
@Table(name = "account_evidence")
public class AccountEvidenceEntity extends PanacheEntityBase {
  // a sequence, not identity: the evidence of a large report is inserted in batches
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_evidence_seq")
  @SequenceGenerator(name = "account_evidence_seq", allocationSize = 50)
  public Long id;

  @Column(name = "incident_id")
  public String incidentId;

  @Column(name = "object_id")
  public String objectId;

  @Column(name = "user_principal_name")
  public String userPrincipalName;

  @Column(name = "report_id")
  public String reportId;

  @Column(name = "run_id")
  public String runId;

  public String source;

  @Column(name = "reported_by")
  public String reportedBy;

  @Column(name = "received_at")
  public Instant receivedAt;

  @Column(name = "activity_at")
  public Instant activityAt;

  /** The earliest attacker activity the evidence names; null when it names none. */
  @Column(name = "first_seen_at")
  public Instant firstSeenAt;

  @Enumerated(EnumType.STRING)
  public EvidenceDisposition disposition;

  @Column(name = "reason_code")
  public String reasonCode;

  /** A responder's words when they asked for it (an explicit recontain). */
  public String note;

  /**
   * The indicators of compromise the evidence named, each (type, lower(value)) once, in the order
   * given. Written with the row and never changed.
   */
  @ElementCollection
  @CollectionTable(name = "evidence_indicator", joinColumns = @JoinColumn(name = "evidence_id"))
  @OrderColumn(name = "position")
  public List<EvidenceIndicatorRow> indicators = new ArrayList<>();
}
