package io.cordon.account.service.execution;

import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.commons.tracing.WorkAttributes;
import java.util.List;

/** What the executor's span says about the ledger rows it sends in one Graph call. */
final class LedgerTraces {
  private LedgerTraces() {}

  /** The trace each row's ActionRequested arrived with (a row without one is left out). */
  static List<String> origins(List<ActionLedgerEntity> rows) {
    return rows.stream().map(row -> row.traceparent).toList();
  }

  /** A single row's run, account and action; for many, the action when they share one. */
  static WorkAttributes of(List<ActionLedgerEntity> rows) {
    if (rows.size() == 1) {
      ActionLedgerEntity row = rows.get(0);
      return new WorkAttributes(row.runId, row.accountObjectId, row.userPrincipalName, row.action);
    }
    List<String> actions = rows.stream().map(row -> row.action).distinct().toList();
    return new WorkAttributes(null, null, null, actions.size() == 1 ? actions.get(0) : null);
  }
}
