package io.cordon.account.service.intake;

import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.LedgerState;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.json.EventJson;
import java.time.Instant;

/** What a ledger row says about the request it records, before anything is done about it. */
final class LedgerRows {
  private LedgerRows() {}

  /** Describes {@code request} in {@code row} as pending from {@code now}, clearing any outcome. */
  static void describe(
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
    row.nextAttemptAt = now;
    row.traceparent = traceparent;
    row.windowStart = null;
    row.windowSource = null;
  }
}
