package io.cordon.playbook.repository;

import io.cordon.playbook.model.ExecutionState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step for one account (or, {@link #objectId} null, a run-only step for the whole run). */
@Entity
@Table(name = "step_execution")
public class StepExecutionEntity extends PanacheEntityBase {
  // a sequence, not identity: Hibernate can only batch the inserts of a new run with the former
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "step_execution_seq")
  @SequenceGenerator(name = "step_execution_seq", allocationSize = 50)
  public Long id;

  @Column(name = "run_id")
  public String runId;

  @Column(name = "step_index")
  public int stepIndex;

  @Column(name = "step_id")
  public String stepId;

  public String action;

  @Column(name = "object_id")
  public String objectId;

  @Enumerated(EnumType.STRING)
  public ExecutionState state;

  @Column(name = "action_id")
  public String actionId;

  /** 1 for the first attempt; a retry after a failed attempt counts up. */
  public int attempt = 1;

  /** ActionRequested events sent for this execution (a timed-out attempt is sent again). */
  public int dispatches;

  @Column(name = "approval_id")
  public String approvalId;

  @Column(name = "reason_code")
  public String reasonCode;

  @Column(name = "reason_message")
  public String reasonMessage;

  @Column(name = "graph_request_id")
  public String graphRequestId;

  @Column(name = "due_at")
  public Instant dueAt;

  @Column(name = "deadline_at")
  public Instant deadlineAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public boolean runLevel() {
    return objectId == null;
  }
}
