package io.cordon.commons.audit;

import java.util.Map;

/**
 * One state change as a caller describes it; {@link Audit} adds who, when, the correlation id and
 * the hash chain. Build with {@link #of} and the {@code with...} methods.
 *
 * @param action what happened, e.g. {@code run.started}, {@code approval.decided}
 * @param subject what it happened to: an account, a run id, a partner id
 * @param before small state before the change (keys naming secrets are redacted), or null
 * @param after small state after the change, or null
 * @param result e.g. SUCCEEDED, REJECTED, FAILED_PERMANENT
 * @param correlationId overrides the request's or event's id (e.g. one entry per event of a batch)
 */
public record AuditEntry(
    AuditKind kind,
    String action,
    String subject,
    String accountId,
    String accountUpn,
    String incidentId,
    String runId,
    Map<String, ?> before,
    Map<String, ?> after,
    String result,
    String reason,
    String correlationId) {

  public static AuditEntry of(AuditKind kind, String action, String subject) {
    return new AuditEntry(
        kind, action, subject, null, null, null, null, null, null, null, null, null);
  }

  public AuditEntry withAccount(String objectId, String upn) {
    return new AuditEntry(
        kind,
        action,
        subject,
        objectId,
        upn,
        incidentId,
        runId,
        before,
        after,
        result,
        reason,
        correlationId);
  }

  public AuditEntry withIncident(String incident) {
    return new AuditEntry(
        kind,
        action,
        subject,
        accountId,
        accountUpn,
        incident,
        runId,
        before,
        after,
        result,
        reason,
        correlationId);
  }

  public AuditEntry withRun(String run) {
    return new AuditEntry(
        kind,
        action,
        subject,
        accountId,
        accountUpn,
        incidentId,
        run,
        before,
        after,
        result,
        reason,
        correlationId);
  }

  public AuditEntry withChange(Map<String, ?> beforeState, Map<String, ?> afterState) {
    return new AuditEntry(
        kind,
        action,
        subject,
        accountId,
        accountUpn,
        incidentId,
        runId,
        beforeState,
        afterState,
        result,
        reason,
        correlationId);
  }

  public AuditEntry withResult(String outcome, String why) {
    return new AuditEntry(
        kind,
        action,
        subject,
        accountId,
        accountUpn,
        incidentId,
        runId,
        before,
        after,
        outcome,
        why,
        correlationId);
  }

  public AuditEntry withCorrelation(String id) {
    return new AuditEntry(
        kind,
        action,
        subject,
        accountId,
        accountUpn,
        incidentId,
        runId,
        before,
        after,
        result,
        reason,
        id);
  }
}
