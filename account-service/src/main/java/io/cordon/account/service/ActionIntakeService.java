package io.cordon.account.service;

import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.LedgerState;
import io.cordon.commons.outbox.Outbox;
import io.cordon.commons.tracing.IncomingTraces;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Records an ActionRequested in the ledger. A repeat of an action already finished is answered from
 * the ledger (the same ActionCompleted, same event id) and Graph is not called again.
 */
@ApplicationScoped
public class ActionIntakeService {
  @Inject Outbox outbox;
  @Inject IncomingTraces incomingTraces;

  @Transactional(Transactional.TxType.MANDATORY)
  public void accept(ActionRequested request) {
    String traceparent = incomingTraces.take(request.eventId());
    ActionLedgerEntity existing = ActionLedgerEntity.findById(request.actionId());
    if (existing != null) {
      if (LedgerState.DONE.name().equals(existing.state)) {
        outbox.publishAgain(
            Topics.ACCOUNT_ACTION_RESULTS,
            existing.accountObjectId,
            ActionCompletionService.completed(existing));
      }
      return;
    }
    ActionLedgerEntity row = new ActionLedgerEntity();
    row.actionId = request.actionId();
    row.runId = request.runId();
    row.stepId = request.stepId();
    row.accountObjectId = request.account().objectId();
    row.userPrincipalName = request.account().userPrincipalName();
    row.tenantId = request.account().tenantId();
    row.action = request.action().name();
    row.parametersJson = EventJson.write(request.parameters());
    row.state = LedgerState.PENDING.name();
    row.requestedAt = Instant.now();
    row.nextAttemptAt = row.requestedAt;
    row.traceparent = traceparent;
    row.persist();
  }
}
