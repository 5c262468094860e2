package io.cordon.account.service;

import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.LedgerState;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.outbox.Outbox;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.AccountRef;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.EventIds;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Applies verdicts to ledger rows: a final one records the outcome and publishes ActionCompleted in
 * the same transaction; a retry schedules the next attempt or gives up after the last one.
 */
@ApplicationScoped
public class ActionCompletionService {
  @Inject Outbox outbox;
  @Inject RetrySchedule retrySchedule;
  @Inject Audit audit;
  @Inject MeterRegistry meters;

  @Transactional
  public void apply(Map<ActionLedgerEntity, Verdict> verdicts, Map<String, String> requestIds) {
    // the batch's rows in one read, not one per row
    Map<String, ActionLedgerEntity> rows =
        ActionLedger.byId(verdicts.keySet().stream().map(row -> row.actionId).toList());
    verdicts.forEach(
        (detached, verdict) ->
            apply(rows.get(detached.actionId), verdict, requestIds.get(detached.actionId)));
  }

  private void apply(ActionLedgerEntity row, Verdict verdict, String graphRequestId) {
    if (row == null || LedgerState.DONE.name().equals(row.state)) {
      return;
    }
    row.graphRequestId = graphRequestId != null ? graphRequestId : row.graphRequestId;
    if (verdict.isFinal()) {
      finish(row, verdict);
    } else if (row.attempts >= retrySchedule.maxAttempts()) {
      finish(
          row,
          Verdict.finish(
              ActionOutcome.FAILED_PERMANENT,
              ReasonCode.RETRIES_EXHAUSTED,
              "gave up after " + row.attempts + " attempts; last: " + verdict.message()));
    } else {
      if (verdict.mayHaveApplied()) {
        row.markPossiblyApplied();
      }
      row.state = LedgerState.PENDING.name();
      row.reasonCode = verdict.reason().name();
      row.reasonMessage = verdict.message();
      row.nextAttemptAt = Instant.now().plus(retrySchedule.delay(row.attempts, verdict));
    }
  }

  private void finish(ActionLedgerEntity row, Verdict verdict) {
    row.state = LedgerState.DONE.name();
    row.outcome = verdict.outcome().name();
    row.reasonCode = verdict.reason().name();
    row.reasonMessage = verdict.message();
    row.completedAt = Instant.now();
    outbox.publish(Topics.ACCOUNT_ACTION_RESULTS, row.accountObjectId, completed(row));
    // one entry per outcome; the action id links it to the run step that asked for it
    audit.record(
        AuditEntry.of(AuditKind.GRAPH_ACTION, "graph-action.completed", row.accountObjectId)
            .withAccount(row.accountObjectId, row.userPrincipalName)
            .withRun(row.runId)
            .withChange(
                null,
                Map.of(
                    "action", row.action,
                    "step", row.stepId,
                    "actionId", row.actionId,
                    "attempts", row.attempts,
                    "graphRequestId", String.valueOf(row.graphRequestId)))
            .withResult(row.outcome, row.reasonCode + ": " + row.reasonMessage)
            .withCorrelation(row.actionId));
    // counted when decided; a rolled-back transaction (rare) may count an outcome twice
    meters
        .counter("cordon.actions.completed", "action", row.action, "outcome", row.outcome)
        .increment();
  }

  /** The event for a finished row; its id is derived, so a re-announcement deduplicates. */
  public static ActionCompleted completed(ActionLedgerEntity row) {
    return new ActionCompleted(
        ActionCompleted.SCHEMA_VERSION,
        EventIds.derived("action-completed", row.actionId),
        row.actionId,
        row.runId,
        row.stepId,
        new AccountRef(row.accountObjectId, row.userPrincipalName, row.tenantId),
        ActionType.valueOf(row.action),
        ActionOutcome.valueOf(row.outcome),
        ReasonCode.valueOf(row.reasonCode),
        row.reasonMessage,
        row.graphRequestId,
        row.attempts,
        row.completedAt);
  }
}
