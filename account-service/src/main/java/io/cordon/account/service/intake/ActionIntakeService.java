package io.cordon.account.service.intake;

import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.DatabaseClock;
import io.cordon.account.repository.LedgerState;
import io.cordon.account.service.execution.ActionCompletionService;
import io.cordon.account.service.execution.CleanupExecutor;
import io.cordon.account.service.window.CompromiseWindow;
import io.cordon.account.service.window.CompromiseWindows;
import io.cordon.commons.outbox.Outbox;
import io.cordon.commons.tracing.IncomingTraces;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.signing.ActionVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records ActionRequested in the ledger. A repeat of an action already finished is answered from
 * the ledger (the same ActionCompleted, same event id) and Graph is not called again. A request
 * without playbook-service's valid signature goes to {@link UnverifiedRequests}.
 */
@ApplicationScoped
public class ActionIntakeService {
  @Inject Outbox outbox;
  @Inject IncomingTraces incomingTraces;
  @Inject CompromiseWindows windows;
  @Inject RequestVerification verification;
  @Inject UnverifiedRequests unverified;
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
        ActionLedgerEntity refused = unverified.refuse(request, verdict, existing != null, now);
        if (refused != null) {
          known.put(request.actionId(), refused);
        }
      } else if (existing == null) {
        ActionLedgerEntity row = new ActionLedgerEntity();
        fill(row, request, traceparent, now);
        row.persist();
        known.put(request.actionId(), row);
      } else if (UnverifiedRequests.refusedEarlier(existing)) {
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

  private void fill(
      ActionLedgerEntity row, ActionRequested request, String traceparent, Instant now) {
    LedgerRows.describe(row, request, traceparent, now);
    if (CleanupExecutor.ACTIONS.contains(request.action())) {
      CompromiseWindow window = windows.forAccount(row.accountObjectId, row.requestedAt);
      row.windowStart = window.start();
      row.windowSource = window.source().name();
    }
  }
}
