package io.cordon.playbook.service.run;

import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.RunState;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies the outcomes account-service reports. An outcome counts only for the execution its action
 * id currently belongs to and only while that execution waits for one; anything else (a repeat, a
 * late answer to an attempt that timed out for good) changes nothing.
 */
@ApplicationScoped
public class CompletionService {
  private static final Logger LOG = Logger.getLogger(CompletionService.class);

  @Inject RunStore runs;
  @Inject ExecutionStore executions;
  @Inject RunContexts contexts;
  @Inject AccountSteps accountSteps;
  @Inject RunReviewer reviewer;

  /** Outcomes not seen before, in the order they were consumed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(List<ActionCompleted> outcomes) {
    // runs are locked in id order, so two consumers never wait for each other in a circle
    Map<String, List<ActionCompleted>> byRun =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(ActionCompleted::runId, TreeMap::new, Collectors.toList()));
    byRun.forEach(this::applyToRun);
  }

  private void applyToRun(String runId, List<ActionCompleted> outcomes) {
    Optional<RunEntity> locked = runs.lock(runId);
    if (locked.isEmpty()) {
      LOG.debugf("Ignoring %d outcomes for unknown run %s", outcomes.size(), runId);
      return;
    }
    RunContext context = contexts.open(locked.get());
    Map<String, StepExecutionEntity> byActionId =
        executions
            .lockByActionIds(outcomes.stream().map(ActionCompleted::actionId).toList())
            .stream()
            .filter(row -> row.runId.equals(runId))
            .collect(Collectors.toMap(row -> row.actionId, Function.identity()));
    List<String> objectIds =
        byActionId.values().stream().map(row -> row.objectId).distinct().toList();
    Map<String, AccountFacts> facts = accountSteps.facts(context, objectIds);
    Map<String, Map<Integer, StepExecutionEntity>> rows = accountSteps.rowsOf(context, objectIds);
    for (ActionCompleted outcome : outcomes) {
      StepExecutionEntity row = byActionId.get(outcome.actionId());
      if (row == null || !awaitsOutcome(row)) {
        LOG.debugf(
            "Outcome %s of action %s changes nothing (execution %s)",
            outcome.outcome(), outcome.actionId(), row == null ? "unknown" : row.state);
        continue;
      }
      apply(context, facts.get(row.objectId), rows.get(row.objectId), row, outcome);
    }
    reviewer.review(context);
    contexts.close(context);
  }

  // PENDING too: an attempt that timed out is re-requested under the same id, and the answer to
  // the first request may still arrive before or instead of the second
  private static boolean awaitsOutcome(StepExecutionEntity row) {
    return row.state == ExecutionState.IN_PROGRESS || row.state == ExecutionState.PENDING;
  }

  private void apply(
      RunContext context,
      AccountFacts account,
      Map<Integer, StepExecutionEntity> accountRows,
      StepExecutionEntity row,
      ActionCompleted outcome) {
    row.graphRequestId =
        outcome.graphRequestId() == null ? row.graphRequestId : outcome.graphRequestId();
    Step step = context.step(row.stepIndex);
    boolean cancelled = context.run().state == RunState.CANCELLED;
    if (outcome.outcome() == ActionOutcome.FAILED_PERMANENT
        && !cancelled
        && RetryPolicy.mayRetry(step, row.attempt)) {
      scheduleRetry(context, row, step, outcome);
      return;
    }
    accountSteps.finish(
        context,
        row,
        ExecutionState.valueOf(outcome.outcome().toActionState().name()),
        outcome.reasonCode(),
        outcome.reasonMessage());
    if (!cancelled) {
      accountSteps.afterFinal(context, account, accountRows, row);
    }
  }

  // a failed attempt is retried under a new action id: the old one is final in account-service's
  // ledger and would only be answered with the same failure
  private void scheduleRetry(
      RunContext context, StepExecutionEntity row, Step step, ActionCompleted outcome) {
    int retryNumber = row.attempt;
    row.attempt++;
    row.actionId = ActionIds.of(context.run().id, step.id(), row.objectId, row.attempt);
    row.state = ExecutionState.PENDING;
    row.dueAt = context.now().plus(RetryPolicy.delay(step, retryNumber));
    row.deadlineAt = null;
    row.reasonCode = outcome.reasonCode().name();
    row.reasonMessage =
        "attempt "
            + retryNumber
            + " failed: "
            + (outcome.reasonMessage() == null ? outcome.reasonCode() : outcome.reasonMessage());
    row.updatedAt = context.now();
  }
}
