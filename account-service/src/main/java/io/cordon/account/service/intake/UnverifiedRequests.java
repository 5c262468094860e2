package io.cordon.account.service.intake;

import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.LedgerState;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.signing.ActionVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Refuses an ActionRequested without playbook-service's valid signature: it is never run, and since
 * whoever wrote it is no party to the run, no ActionCompleted answers it. The log names the
 * request, never its signature.
 */
@ApplicationScoped
public class UnverifiedRequests {
  private static final Logger LOG = Logger.getLogger(UnverifiedRequests.class);

  @Inject Audit audit;
  @Inject MeterRegistry meters;

  /**
   * Records the refusal: an audit entry and a count always, and a finished row when the action id
   * is new — returned for the caller to keep; a known row, perhaps the real request's, stays as it
   * is (null is returned).
   */
  public ActionLedgerEntity refuse(
      ActionRequested request, ActionVerifier.Verdict verdict, boolean known, Instant now) {
    String reason = "signature " + verdict.name().toLowerCase().replace('_', ' ');
    LOG.warnf(
        "Refused ActionRequested %s (run %s, %s on %s): %s",
        request.actionId(),
        request.runId(),
        request.action(),
        request.account().objectId(),
        reason);
    meters.counter("cordon.actions.unverified", "verdict", verdict.name()).increment();
    audit.record(auditEntry(request, reason));
    if (known) {
      return null;
    }
    ActionLedgerEntity row = new ActionLedgerEntity();
    LedgerRows.describe(row, request, null, now);
    row.state = LedgerState.DONE.name();
    row.outcome = ActionOutcome.FAILED_PERMANENT.name();
    row.reasonCode = ReasonCode.UNVERIFIED_REQUEST.name();
    row.reasonMessage = reason;
    row.completedAt = now;
    row.persist();
    return row;
  }

  /** A row a forger recorded first; the real request may take it over. */
  public static boolean refusedEarlier(ActionLedgerEntity row) {
    return LedgerState.DONE.name().equals(row.state)
        && ReasonCode.UNVERIFIED_REQUEST.name().equals(row.reasonCode);
  }

  private static AuditEntry auditEntry(ActionRequested request, String reason) {
    return AuditEntry.of(
            AuditKind.GRAPH_ACTION, "graph-action.refused", request.account().objectId())
        .withAccount(request.account().objectId(), request.account().userPrincipalName())
        .withRun(request.runId())
        .withChange(
            null,
            Map.of(
                "action", request.action().name(),
                "step", request.stepId(),
                "actionId", request.actionId()))
        .withResult(
            ActionOutcome.FAILED_PERMANENT.name(),
            ReasonCode.UNVERIFIED_REQUEST.name() + ": " + reason)
        .withCorrelation(request.actionId());
  }
}
