package io.cordon.account.service;

import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.LedgerState;
import io.cordon.account.service.window.CompromiseWindow;
import io.cordon.account.service.window.CompromiseWindows;
import io.cordon.commons.outbox.Outbox;
import io.cordon.commons.tracing.IncomingTraces;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records ActionRequested in the ledger. A repeat of an action already finished is answered from
 * the ledger (the same ActionCompleted, same event id) and Graph is not called again.
 */
@ApplicationScoped
public class ActionIntakeService {
  @Inject Outbox outbox;
  @Inject IncomingTraces incomingTraces;
  @Inject CompromiseWindows windows;

  /**
   * Records a polled batch: the rows already known are read in one query, the new ones inserted as
   * one JDBC batch at flush. An action twice in the same batch is recorded once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void accept(List<ActionRequested> requests) {
    Map<String, ActionLedgerEntity> known =
        ActionLedger.byId(requests.stream().map(ActionRequested::actionId).toList());
    for (ActionRequested request : requests) {
      String traceparent = incomingTraces.take(request.eventId());
      ActionLedgerEntity existing = known.get(request.actionId());
      if (existing == null) {
        known.put(request.actionId(), record(request, traceparent));
      } else if (LedgerState.DONE.name().equals(existing.state)) {
        outbox.publishAgain(
            Topics.ACCOUNT_ACTION_RESULTS,
            existing.accountObjectId,
            ActionCompletionService.completed(existing));
      }
    }
  }

  private ActionLedgerEntity record(ActionRequested request, String traceparent) {
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
    if (CleanupExecutor.ACTIONS.contains(request.action())) {
      CompromiseWindow window = windows.forAccount(row.accountObjectId, row.requestedAt);
      row.windowStart = window.start();
      row.windowSource = window.source().name();
    }
    row.persist();
    return row;
  }
}
