package io.cordon.account.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One requested remediation action and everything known about its execution. */
@Entity
@Table(name = "remediation_action")
public class ActionLedgerEntity extends PanacheEntityBase {
  @Id
  @Column(name = "action_id")
  public String actionId;

  @Column(name = "run_id")
  public String runId;

  @Column(name = "step_id")
  public String stepId;

  @Column(name = "account_object_id")
  public String accountObjectId;

  @Column(name = "user_principal_name")
  public String userPrincipalName;

  @Column(name = "tenant_id")
  public String tenantId;

  public String action;

  @Column(name = "parameters_json", columnDefinition = "text")
  public String parametersJson;

  public String state;

  public String outcome;

  @Column(name = "reason_code")
  public String reasonCode;

  @Column(name = "reason_message")
  public String reasonMessage;

  @Column(name = "graph_request_id")
  public String graphRequestId;

  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "claimed_at")
  public Instant claimedAt;

  /**
   * The fencing token of the current claim, fresh for every claim: only the executor that got it
   * may extend, restamp or complete the claim (null on rows never claimed).
   */
  @Column(name = "claim_token")
  public Long claimToken;

  /** The claim time in Graph's clock: the earliest and latest it can be (see ClaimTime). */
  @Column(name = "claimed_graph_earliest")
  public Instant claimedGraphEarliest;

  @Column(name = "claimed_graph_latest")
  public Instant claimedGraphLatest;

  /** Set while an earlier attempt may have taken effect unseen: the claim time of that attempt. */
  @Column(name = "possibly_applied_since")
  public Instant possiblyAppliedSince;

  /** That claim time in Graph's clock; null on rows from before Graph time was recorded. */
  @Column(name = "possibly_applied_graph_earliest")
  public Instant possiblyAppliedGraphEarliest;

  @Column(name = "possibly_applied_graph_latest")
  public Instant possiblyAppliedGraphLatest;

  @Column(name = "requested_at")
  public Instant requestedAt;

  @Column(name = "completed_at")
  public Instant completedAt;

  /** Cleanup actions: the start of the account's compromise window, decided when recorded. */
  @Column(name = "window_start")
  public Instant windowStart;

  /** Where {@code windowStart} comes from (CompromiseWindow.Source). */
  @Column(name = "window_source")
  public String windowSource;

  /** The W3C trace context of the work that created the row (docs/operations.md "Tracing"). */
  public String traceparent;

  /** Marks the current claim as an attempt that may have taken effect, unless one already is. */
  public void markPossiblyApplied() {
    if (possiblyAppliedSince == null) {
      possiblyAppliedSince = claimedAt;
      possiblyAppliedGraphEarliest = claimedGraphEarliest;
      possiblyAppliedGraphLatest = claimedGraphLatest;
    }
  }
}
