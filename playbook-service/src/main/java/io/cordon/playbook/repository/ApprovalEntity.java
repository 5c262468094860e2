package io.cordon.playbook.repository;

import io.cordon.playbook.model.ApprovalState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request for a decision on one step of one run, covering every account waiting there. */
@Entity
@Table(name = "approval")
public class ApprovalEntity extends PanacheEntityBase {
  @Id public String id;

  @Column(name = "run_id")
  public String runId;

  @Column(name = "step_index")
  public int stepIndex;

  @Column(name = "step_id")
  public String stepId;

  public String action;

  public String role;

  /** skip, fail or approve, as the playbook spells it. */
  @Column(name = "on_timeout")
  public String onTimeout;

  @Enumerated(EnumType.STRING)
  public ApprovalState state;

  @Column(name = "requested_at")
  public Instant requestedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "decided_by")
  public String decidedBy;

  /** The decider's unchangeable identity; null for a timeout or an older decision. */
  @Column(name = "decided_by_id")
  public String decidedById;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "decision_comment")
  public String decisionComment;
}
