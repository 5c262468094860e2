package io.cordon.account.service;

import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.DatabaseClock;
import io.cordon.account.repository.LedgerState;
import io.cordon.account.service.window.CompromiseWindow;
import io.cordon.account.service.window.CompromiseWindows;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.outbox.Outbox;
import io.cordon.commons.tracing.IncomingTraces;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.json.EventJson;
import io.cordon.contracts.signing.ActionVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records ActionRequested in the ledger. A repeat of an action already finished is answered from
 * the ledger (the same ActionCompleted, same event id) and Graph is not called again. A request
 * without playbook-service's valid signature is never run: its row ends FAILED_PERMANENT with
 * UNVERIFIED_REQUEST and no ActionCompleted, since whoever wrote it is no party to the run.
 */
@ApplicationScoped
public class ActionIntakeService {
  private static final Logger LOG = Logger.getLogger(ActionIntakeService.class);

  @Inject Outbox outbox;
  @Inject IncomingTraces incomingTraces;
  @Inject CompromiseWindows windows;
  @Inject RequestVerification verification;
  @Inject Audit audit;
  @Inject MeterRegistry meters;
  @Inject DatabaseClock clock;

  /**
   * Records a polled batch: the rows already known are read in one query, the new ones inserted as
   * one JDBC batch at flush. An action twice in the same batch is recorded once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void accept(List<ActionRequested> requests) {
    Map<String, ActionLedgerEntity> known =
        ActionLedger.byId(requests.stream().map(ActionRequested::actionId).toList());
    // the claim query compares next_attempt_at with the database's now(): write it in that clock
    Instant now = clock.now();
    for (ActionRequested request : requests) {
      String traceparent = incomingTraces.take(request.eventId());
      ActionLedgerEntity existing = known.get(request.actionId());
      ActionVerifier.Verdict verdict = verification.verify(request);
      if (verdict != ActionVerifier.Verdict.VALID) {
        refuse(request, verdict, existing, known, now);
      } else if (existing == null) {
        ActionLedgerEntity row = new ActionLedgerEntity();
        fill(row, request, traceparent, now);
        row.persist();
        known.put(request.actionId(), row);
      } else if (refusedUnverified(existing)) {
        // a forger who guessed the action id first must not block the real request
        fill(existing, request, traceparent, now);
      } else if (LedgerState.DONE.name().equals(existing.state)) {
        outbox.publishAgain(
            Topics.ACCOUNT_ACTION_RESULTS,
            existing.accountObjectId,
            ActionCompletionService.completed(existing));
      }
    }
  }

  /**
   * Records the refusal: a row only when the action id is new (a known row, perhaps the real
   * request's, stays as it is), an audit entry and a count either way. The log names the request,
   * never its signature.
   */
  private void refuse(
      ActionRequested request,
      ActionVerifier.Verdict verdict,
      ActionLedgerEntity existing,
      Map<String, ActionLedgerEntity> known,
      Instant now) {
    String reason = "signature " + verdict.name().toLowerCase().replace('_', ' ');
    LOG.warnf(
        "Refused ActionRequested %s (run %s, %s on %s): %s",
        request.actionId(),
        request.runId(),
        request.action(),
        request.account().objectId(),
        reason);
    meters.counter("cordon.actions.unverified", "verdict", verdict.name()).increment();
    if (existing == null) {
      ActionLedgerEntity row = new ActionLedgerEntity();
      fill(row, request, null, now);
      row.state = LedgerState.DONE.name();
      row.outcome = ActionOutcome.FAILED_PERMANENT.name();
      row.reasonCode = ReasonCode.UNVERIFIED_REQUEST.name();
      row.reasonMessage = reason;
      row.completedAt = row.requestedAt;
      row.windowStart = null;
      row.windowSource = null;
      row.persist();
      known.put(request.actionId(), row);
    }
    audit.record(
        AuditEntry.of(AuditKind.GRAPH_ACTION, "graph-action.refused", request.account().objectId())
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
            .withCorrelation(request.actionId()));
  }

  private static boolean refusedUnverified(ActionLedgerEntity row) {
    return LedgerState.DONE.name().equals(row.state)
        && ReasonCode.UNVERIFIED_REQUEST.name().equals(row.reasonCode);
  }

  private void fill(
      ActionLedgerEntity row, ActionRequested request, String traceparent, Instant now) {
    row.actionId = request.actionId();
    row.runId = request.runId();
    row.stepId = request.stepId();
    row.accountObjectId = request.account().objectId();
    row.userPrincipalName = request.account().userPrincipalName();
    row.tenantId = request.account().tenantId();
    row.action = request.action().name();
    row.parametersJson = EventJson.write(request.parameters());
    row.state = LedgerState.PENDING.name();
    row.outcome = null;
    row.reasonCode = null;
    row.reasonMessage = null;
    row.completedAt = null;
    row.requestedAt = now;
    row.nextAttemptAt = row.requestedAt;
    row.traceparent = traceparent;
    if (CleanupExecutor.ACTIONS.contains(request.action())) {
      CompromiseWindow window = windows.forAccount(row.accountObjectId, row.requestedAt);
      row.windowStart = window.start();
      row.windowSource = window.source().name();
    }
  }
}
