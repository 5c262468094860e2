package io.cordon.account.service.execution;

import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.DatabaseClock;
import io.cordon.account.repository.LedgerState;
import io.cordon.account.service.verdict.Verdict;
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
 * the same transaction; a retry schedules the next attempt or gives up after the last one. A
 * verdict counts only while its claim does: the row must still carry the fencing token the executor
 * claimed it with, else another instance holds it (or finished it) and the late verdict is dropped.
 */
@ApplicationScoped
public class ActionCompletionService {
  @Inject Outbox outbox;
  @Inject RetrySchedule retrySchedule;
  @Inject Audit audit;
  @Inject MeterRegistry meters;
  @Inject DatabaseClock clock;
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(ActionCompletionService.class);

  @Transactional
  public void apply(Map<ActionLedgerEntity, Verdict> verdicts, Map<String, String> requestIds) {
    // the batch's rows in one read, not one per row, locked so no claim slips in between
    Map<String, ActionLedgerEntity> rows =
        ActionLedger.lockedById(verdicts.keySet().stream().map(row -> row.actionId).toList());
    // due times are compared with the database's now() when claimed: set them in its clock
    Instant now = clock.now();
    verdicts.forEach(
        (claimed, verdict) -> {
          ActionLedgerEntity row = rows.get(claimed.actionId);
          if (row == null || LedgerState.DONE.name().equals(row.state)) {
            return;
          }
          if (!java.util.Objects.equals(row.claimToken, claimed.claimToken)) {
            // the lease ran out and the row was claimed again: the other claim decides
            LOG.infof(
                "Dropped a late verdict for action %s: claim %s was superseded by claim %s",
                row.actionId, claimed.claimToken, row.claimToken);
            meters.counter("cordon.actions.late-verdicts").increment();
            return;
          }
          apply(row, verdict, requestIds.get(claimed.actionId), now);
        });
  }

  private void apply(ActionLedgerEntity row, Verdict verdict, String graphRequestId, Instant now) {
    row.graphRequestId = graphRequestId != null ? graphRequestId : row.graphRequestId;
    if (verdict.isFinal()) {
      finish(row, verdict, now);
    } else if (row.attempts >= retrySchedule.maxAttempts()) {
      finish(
          row,
          Verdict.finish(
              ActionOutcome.FAILED_PERMANENT,
              ReasonCode.RETRIES_EXHAUSTED,
              "gave up after " + row.attempts + " attempts; last: " + verdict.message()),
          now);
    } else {
      if (verdict.mayHaveApplied()) {
        row.markPossiblyApplied();
      }
      row.state = LedgerState.PENDING.name();
      row.reasonCode = verdict.reason().name();
      row.reasonMessage = verdict.message();
      row.nextAttemptAt = now.plus(retrySchedule.delay(row.attempts, verdict));
    }
  }

  private void finish(ActionLedgerEntity row, Verdict verdict, Instant now) {
    row.state = LedgerState.DONE.name();
    row.outcome = verdict.outcome().name();
    row.reasonCode = verdict.reason().name();
    row.reasonMessage = verdict.message();
    row.completedAt = now;
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
