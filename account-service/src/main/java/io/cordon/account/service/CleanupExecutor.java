package io.cordon.account.service;

import io.cordon.account.client.CleanupTargets;
import io.cordon.account.client.GraphAnswer;
import io.cordon.account.client.GraphBatchClient;
import io.cordon.account.client.GraphCall;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a list-then-delete action for one account: what to remove is listed, then deleted in
 * batches. Repeating it is safe: an object already gone answers 404, which counts as removed.
 */
@ApplicationScoped
public class CleanupExecutor {
  public static final Set<ActionType> ACTIONS =
      EnumSet.of(
          ActionType.REVOKE_OAUTH_GRANTS,
          ActionType.REMOVE_FORWARDING_RULES,
          ActionType.REMOVE_PRIVILEGED_ROLES,
          ActionType.REMOVE_MFA_METHODS);

  @Inject CleanupTargets targets;
  @Inject GraphBatchClient batchClient;
  @Inject GraphBudget budget;
  @Inject GraphConfig config;

  public Verdict execute(ActionLedgerEntity row) throws InterruptedException {
    ActionType action = ActionType.valueOf(row.action);
    CleanupTargets.Listing listing;
    try (BudgetSpend spend = budget.acquire(config.tenantId(), 1, 0, 0)) {
      listing = targets.list(action, row.accountObjectId);
    }
    if (listing.failure() != null) {
      return AnswerClassifier.classify(listing.failure());
    }
    List<GraphCall> calls = new ArrayList<>();
    for (int i = 0; i < listing.deletions().size(); i++) {
      calls.add(new GraphCall(row.actionId + "#" + i, listing.deletions().get(i), true, false));
    }
    for (int from = 0; from < calls.size(); from += GraphBatchClient.MAX_BATCH_SIZE) {
      List<GraphCall> batch =
          calls.subList(from, Math.min(calls.size(), from + GraphBatchClient.MAX_BATCH_SIZE));
      Verdict failed;
      try (BudgetSpend spend = budget.acquire(config.tenantId(), batch.size(), batch.size(), 0)) {
        failed = firstFailure(batchClient.send(batch));
      }
      if (failed != null) {
        return failed;
      }
    }
    return Verdict.finish(
        ActionOutcome.SUCCEEDED,
        ReasonCode.OK,
        calls.isEmpty() ? "nothing to remove" : "removed " + calls.size());
  }

  private static Verdict firstFailure(Map<String, GraphAnswer> answers) {
    for (GraphAnswer answer : answers.values()) {
      if (answer.status() == 404) {
        continue;
      }
      Verdict verdict = AnswerClassifier.classify(answer);
      if (verdict.outcome() != ActionOutcome.SUCCEEDED) {
        return verdict;
      }
    }
    return null;
  }
}
