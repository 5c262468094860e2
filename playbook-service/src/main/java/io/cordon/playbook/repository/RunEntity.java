package io.cordon.playbook.repository;

import io.cordon.contracts.RunState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A playbook run. Its row is also the run's mutex: every transaction that changes which steps of
 * the run may happen next locks it first (see {@link RunStore#lock}).
 */
@Entity
@Table(name = "run")
public class RunEntity extends PanacheEntityBase {
  @Id public String id;

  @Column(name = "report_id")
  public String reportId;

  @Column(name = "playbook_name")
  public String playbookName;

  @Column(name = "playbook_version")
  public Integer playbookVersion;

  @Column(name = "incident_id")
  public String incidentId;

  @Column(name = "incident_title")
  public String incidentTitle;

  @Column(name = "incident_severity")
  public String incidentSeverity;

  public String source;

  @Column(name = "started_by")
  public String startedBy;

  /** The starter's unchangeable identity, which four eyes compares; null for older runs. */
  @Column(name = "started_by_id")
  public String startedById;

  @Enumerated(EnumType.STRING)
  public RunState state;

  @Column(name = "state_reason")
  public String stateReason;

  @Column(name = "chunks_expected")
  public int chunksExpected;

  @Column(name = "chunks_received")
  public int chunksReceived;

  @Column(name = "accounts_total")
  public int accountsTotal;

  @Column(name = "barrier_index")
  public int barrierIndex = -1;

  /**
   * Steps the preflight skips for want of a Graph permission or directory role: one step id per
   * line (suffixed {@code #privileged} when only privileged accounts are skipped); null when none.
   */
  @Column(name = "preflight_skips", columnDefinition = "text")
  public String preflightSkips;

  @Column(name = "cancelled_by")
  public String cancelledBy;

  /** Set while a responder holds the run: nothing of it is dispatched until it is resumed. */
  @Column(name = "paused_at")
  public Instant pausedAt;

  @Column(name = "paused_by")
  public String pausedBy;

  @Column(name = "pause_reason")
  public String pauseReason;

  /** Accounts a responder excluded from the run (see RunContainment). */
  @Column(name = "excluded_accounts")
  public int excludedAccounts;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  public boolean allChunksReceived() {
    return chunksReceived >= chunksExpected;
  }

  /** The W3C trace context the run was started in (docs/operations.md "Tracing"). */
  public String traceparent;
}
