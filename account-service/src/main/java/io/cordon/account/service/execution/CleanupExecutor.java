package io.cordon.account.service.execution;

import io.cordon.account.client.CleanupTargets;
import io.cordon.account.client.GraphAnswer;
import io.cordon.account.client.GraphBatchClient;
import io.cordon.account.client.GraphCall;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.InPlaceRetry;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.service.budget.BudgetSpend;
import io.cordon.account.service.budget.GraphBudget;
import io.cordon.account.service.verdict.AnswerClassifier;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.account.service.window.CompromiseWindow;
import io.cordon.account.service.window.CompromiseWindows;
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
import java.util.Optional;
import java.util.Set;

/**
 * Runs a list-then-remove action for one account: what to remove is listed (against the row's
 * compromise window), removed in batches, then listed again to see that it is gone. Repeating it is
 * safe: an object already gone answers 404, which counts as removed.
 */
@ApplicationScoped
public class CleanupExecutor {
  public static final Set<ActionType> ACTIONS =
      EnumSet.of(
          ActionType.REVOKE_OAUTH_GRANTS,
          ActionType.REMOVE_FORWARDING_RULES,
          ActionType.REMOVE_MAIL_RULES,
          ActionType.REMOVE_PRIVILEGED_ROLES,
          ActionType.REMOVE_MFA_METHODS,
          ActionType.REMOVE_APP_CREDENTIALS,
          ActionType.REMOVE_APP_CONSENTS,
          ActionType.DISABLE_DEVICES);

  @Inject CleanupTargets targets;
  @Inject GraphBatchClient batchClient;
  @Inject GraphBudget budget;
  @Inject GraphConfig config;
  @Inject TenantRegistry tenants;
  @Inject CompromiseWindows windows;
  @Inject PersistenceOutcome persistence;

  public Verdict execute(ActionLedgerEntity row) throws InterruptedException {
    ActionType action = ActionType.valueOf(row.action);
    Verdict refused = persistence.preflight(action);
    if (refused != null) {
      return refused;
    }
    CompromiseWindow window = windows.of(row);
    CleanupTargets.Listing listing = list(action, row, window);
    if (listing.failure() != null) {
      return AnswerClassifier.classify(listing.failure());
    }
    List<CleanupTargets.Removal> removals = listing.removals();
    List<GraphCall> calls = new ArrayList<>();
    for (int i = 0; i < removals.size(); i++) {
      calls.add(new GraphCall(row.actionId + "#" + i, removals.get(i).request(), true, false));
    }
    GraphTenant tenant = tenants.forTenantId(row.tenantId);
    List<GraphCall> refusedAsDefault = new ArrayList<>();
    for (int from = 0; from < calls.size(); from += GraphBatchClient.MAX_BATCH_SIZE) {
      Verdict failed =
          delete(
              tenant,
              calls.subList(from, Math.min(calls.size(), from + GraphBatchClient.MAX_BATCH_SIZE)),
              refusedAsDefault);
      if (failed != null) {
        return failed;
      }
    }
    List<String> defaults = new ArrayList<>();
    if (!refusedAsDefault.isEmpty()) {
      // Graph refuses to delete the default method while other methods remain: once the others
      // are gone it may go too; if older or undated methods remain, a person must change the
      // default first
      List<GraphCall> stillRefused = new ArrayList<>();
      Verdict failed = delete(tenant, refusedAsDefault, stillRefused);
      if (failed != null) {
        return failed;
      }
      for (GraphCall call : stillRefused) {
        defaults.add(removals.get(calls.indexOf(call)).label());
      }
    }
    return appliedEffect(action, row, window, listing, defaults);
  }

  /**
   * Lists again: what was removed must be gone (REMOVE_PRIVILEGED_ROLES: no privileged role may
   * remain at all). What remains is tried again later, never reported as removed.
   */
  private Verdict appliedEffect(
      ActionType action,
      ActionLedgerEntity row,
      CompromiseWindow window,
      CleanupTargets.Listing listing,
      List<String> defaults)
      throws InterruptedException {
    int removed = listing.removals().size() - defaults.size();
    if (listing.removals().isEmpty()) {
      return finish(action, listing, removed, defaults, window);
    }
    CleanupTargets.Listing after = list(action, row, window);
    if (after.failure() != null) {
      return AnswerClassifier.classify(after.failure());
    }
    List<String> remaining =
        after.removals().stream()
            .map(CleanupTargets.Removal::label)
            .filter(label -> !defaults.contains(label))
            .toList();
    if (!remaining.isEmpty()) {
      return Verdict.retry(
          null, ReasonCode.STILL_PRESENT, bounded("Graph still lists " + names(remaining)));
    }
    return finish(action, listing, removed, defaults, window);
  }

  private static Verdict finish(
      ActionType action,
      CleanupTargets.Listing listing,
      int removed,
      List<String> defaults,
      CompromiseWindow window) {
    if (PersistenceOutcome.ACTIONS.contains(action)) {
      return PersistenceOutcome.of(action, removed, listing);
    }
    StringBuilder message =
        new StringBuilder(removed == 0 ? "nothing to remove" : "removed " + removed);
    if (!listing.older().isEmpty()) {
      message
          .append("; kept, added before the compromise window (")
          .append(window.start())
          .append(", ")
          .append(window.source())
          .append("): ")
          .append(names(listing.older()));
    }
    if (!listing.undated().isEmpty()) {
      message.append("; check by hand: ").append(names(listing.undated()));
    }
    if (!defaults.isEmpty()) {
      message
          .append("; the user's default method, which Graph deletes only when no other remains:")
          .append(" change the default, then delete ")
          .append(names(defaults));
    }
    boolean manual = !listing.undated().isEmpty() || !defaults.isEmpty();
    return Verdict.finish(
        manual ? ActionOutcome.REQUIRES_MANUAL : ActionOutcome.SUCCEEDED,
        manual ? ReasonCode.NEEDS_REVIEW : ReasonCode.OK,
        bounded(message.toString()));
  }

  /** The longest message a cleanup action leaves (the column holds 1000 characters). */
  static final int MAX_MESSAGE = 900;

  /** The longest name of one object in a message (rule names are the mailbox owner's text). */
  static final int MAX_NAME = 160;

  /** Names for a ledger message: at most five, each at most {@link #MAX_NAME} characters. */
  static String names(List<String> labels) {
    int shown = Math.min(labels.size(), 5);
    String names =
        String.join(
            ", ",
            labels.subList(0, shown).stream()
                .map(l -> l.length() > MAX_NAME ? l.substring(0, MAX_NAME - 1) + "…" : l)
                .toList());
    return labels.size() > shown ? names + " and " + (labels.size() - shown) + " more" : names;
  }

  static String bounded(String message) {
    return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
  }

  private CleanupTargets.Listing list(
      ActionType action, ActionLedgerEntity row, CompromiseWindow window)
      throws InterruptedException {
    GraphTenant tenant = tenants.forTenantId(row.tenantId);
    try (BudgetSpend spend = budget.acquire(tenant, 1, 0, 0)) {
      return targets.list(tenant, action, row.accountObjectId, window.start());
    }
  }

  /**
   * Sends one batch of deletions; null when all are gone. Deletions refused with a retryable answer
   * go again on their own after Graph's (short) Retry-After, so that a throttled delete does not
   * cost the whole listing again; a deletion is idempotent (gone answers 404), so one whose answer
   * was lost may go again too. When {@link InPlaceRetry} says no more, the action is retried later
   * as a whole.
   */
  private Verdict delete(
      GraphTenant tenant, List<GraphCall> batch, List<GraphCall> refusedAsDefault)
      throws InterruptedException {
    List<GraphCall> pending = batch;
    for (int attempt = 1; ; attempt++) {
      Map<String, GraphAnswer> answers;
      try (BudgetSpend spend = budget.acquire(tenant, pending.size(), pending.size(), 0)) {
        answers = batchClient.send(tenant, pending);
      }
      List<GraphCall> refused = new ArrayList<>();
      Verdict retry = null;
      for (GraphCall call : pending) {
        GraphAnswer answer = answers.getOrDefault(call.key(), GraphAnswer.noAnswer("no answer"));
        if (refusedAsDefault(answer)) {
          refusedAsDefault.add(call);
          continue;
        }
        Verdict verdict = verdictOf(answer);
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
      Optional<Duration> wait =
          InPlaceRetry.of(config.retry()).waitBeforeNextSend(attempt, retry.retryAfter());
      if (wait.isEmpty()) {
        return retry;
      }
      Thread.sleep(wait.get().toMillis());
      pending = refused;
    }
  }

  /**
   * "Cannot delete default method with other methods configured" (phoneAuthenticationMethod delete,
   * v1.0: the default method cannot be deleted while others remain).
   */
  static boolean refusedAsDefault(GraphAnswer answer) {
    return answer.status() == 400
        && answer.errorMessage() != null
        && answer.errorMessage().toLowerCase(java.util.Locale.ROOT).contains("default method");
  }

  /**
   * Null when the object is gone (deleted now, or before: 404; a PIM schedule request for a role no
   * longer held: RoleAssignmentDoesNotExist).
   */
  private static Verdict verdictOf(GraphAnswer answer) {
    if (answer.status() == 404
        || (answer.status() == 400 && "RoleAssignmentDoesNotExist".equals(answer.errorCode()))) {
      return null;
    }
    Verdict verdict = AnswerClassifier.classify(answer);
    return verdict.outcome() == ActionOutcome.SUCCEEDED ? null : verdict;
  }
}
