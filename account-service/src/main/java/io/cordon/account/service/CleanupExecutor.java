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
import java.time.Duration;
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
          ActionType.REMOVE_MFA_METHODS,
          ActionType.REMOVE_APP_CREDENTIALS,
          ActionType.REMOVE_APP_CONSENTS,
          ActionType.DISABLE_DEVICES);

  /**
   * Sends of a batch of deletions, refused ones only after the first, before the action retries.
   */
  static final int DELETE_ATTEMPTS = 3;

  /** A longer Retry-After is waited for in the ledger, not by a worker thread. */
  private static final Duration LONGEST_WAIT_IN_PLACE = Duration.ofSeconds(5);

  @Inject CleanupTargets targets;
  @Inject GraphBatchClient batchClient;
  @Inject GraphBudget budget;
  @Inject GraphConfig config;
  @Inject RetrySchedule retrySchedule;
  @Inject CompromiseWindow window;
  @Inject PersistenceOutcome persistence;

  public Verdict execute(ActionLedgerEntity row) throws InterruptedException {
    ActionType action = ActionType.valueOf(row.action);
    Verdict refused = persistence.preflight(action);
    if (refused != null) {
      return refused;
    }
    CleanupTargets.Listing listing;
    try (BudgetSpend spend = budget.acquire(config.tenantId(), 1, 0, 0)) {
      listing = targets.list(action, row.accountObjectId, window.startFor(row));
    }
    if (listing.failure() != null) {
      return AnswerClassifier.classify(listing.failure());
    }
    List<GraphCall> calls = new ArrayList<>();
    for (int i = 0; i < listing.deletions().size(); i++) {
      calls.add(new GraphCall(row.actionId + "#" + i, listing.deletions().get(i), true, false));
    }
    for (int from = 0; from < calls.size(); from += GraphBatchClient.MAX_BATCH_SIZE) {
      Verdict failed =
          delete(
              calls.subList(from, Math.min(calls.size(), from + GraphBatchClient.MAX_BATCH_SIZE)));
      if (failed != null) {
        return failed;
      }
    }
    if (PersistenceOutcome.ACTIONS.contains(action)) {
      return PersistenceOutcome.of(action, calls.size(), listing);
    }
    return Verdict.finish(
        ActionOutcome.SUCCEEDED,
        ReasonCode.OK,
        calls.isEmpty() ? "nothing to remove" : "removed " + calls.size());
  }

  /**
   * Sends one batch of deletions; null when all are gone. Deletions refused with a retryable answer
   * go again on their own after Graph's (short) Retry-After, so that a throttled delete does not
   * cost the whole listing again; a deletion is idempotent (gone answers 404), so one whose answer
   * was lost may go again too. After {@link #DELETE_ATTEMPTS} the action is retried later as a
   * whole.
   */
  private Verdict delete(List<GraphCall> batch) throws InterruptedException {
    List<GraphCall> pending = batch;
    for (int attempt = 1; ; attempt++) {
      Map<String, GraphAnswer> answers;
      try (BudgetSpend spend =
          budget.acquire(config.tenantId(), pending.size(), pending.size(), 0)) {
        answers = batchClient.send(pending);
      }
      List<GraphCall> refused = new ArrayList<>();
      Verdict retry = null;
      for (GraphCall call : pending) {
        Verdict verdict =
            verdictOf(answers.getOrDefault(call.key(), GraphAnswer.noAnswer("no answer")));
        if (verdict == null) {
          continue;
        }
        if (verdict.isFinal()) {
          return verdict;
        }
        refused.add(call);
        retry = verdict;
      }
      if (refused.isEmpty()) {
        return null;
      }
      Duration wait = retrySchedule.delay(attempt, retry);
      if (attempt >= DELETE_ATTEMPTS || wait.compareTo(LONGEST_WAIT_IN_PLACE) > 0) {
        return retry;
      }
      Thread.sleep(wait.toMillis());
      pending = refused;
    }
  }

  /** Null when the object is gone (deleted now, or before: 404). */
  private static Verdict verdictOf(GraphAnswer answer) {
    if (answer.status() == 404) {
      return null;
    }
    Verdict verdict = AnswerClassifier.classify(answer);
    return verdict.outcome() == ActionOutcome.SUCCEEDED ? null : verdict;
  }
}
