package io.cordon.playbook.service.run;

import io.cordon.commons.problem.ProblemException;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.RunState;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunAccountStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A responder runs one step again for every account it failed for or left to manual work (DESIGN
 * §11 run control), e.g. once the missing Graph permission was granted. Each retry is a new attempt
 * under a new action id (account-service's ledger answers the old one with its recorded outcome),
 * and the later steps its failure had skipped wait for it again. A finished run runs again.
 */
@ApplicationScoped
public class StepRetry {
  @Inject RunStore runs;
  @Inject RunAccountStore accounts;
  @Inject ExecutionStore executions;
  @Inject RunContexts contexts;
  @Inject AccountSteps accountSteps;
  @Inject RunEvents events;
  @Inject RunReviewer reviewer;
  @Inject RunAudit audit;

  /** Returns how many accounts the step runs again for. */
  @Transactional
  public int retry(String runId, String stepId, String principal, String reason) {
    RunEntity run = runs.lock(runId).orElseThrow(() -> ProblemException.notFound("Run " + runId));
    if (run.state == RunState.CANCELLED) {
      throw RunPause.conflict(runId, "was cancelled; start a new run instead");
    }
    RunContext context = contexts.open(run);
    int index = indexOf(context.playbook().steps(), stepId, runId);
    Step step = context.step(index);
    if (ActionScopes.runsOncePerRun(step)) {
      throw RunPause.conflict(
          runId, "step " + stepId + " runs once for the whole run and is not retried per account");
    }
    Set<String> settled = accounts.settled(runId);
    List<StepExecutionEntity> failed =
        executions.lockOfStep(runId, index).stream()
            .filter(row -> retryable(row.state) && !settled.contains(row.objectId))
            .toList();
    if (failed.isEmpty()) {
      throw RunPause.conflict(
          runId, "has no account for which step " + stepId + " failed or needs manual work");
    }
    Map<String, Map<Integer, StepExecutionEntity>> later =
        accountSteps.rowsOf(context, failed.stream().map(row -> row.objectId).toList());
    String message = "retried by " + principal + ": " + reason;
    for (StepExecutionEntity row : failed) {
      String was = " (attempt " + row.attempt + " was " + row.state + " " + row.reasonCode + ")";
      row.attempt++;
      row.actionId = ActionIds.of(run.id, step.id(), row.objectId, row.attempt);
      row.state = ExecutionState.PENDING;
      row.dueAt = context.now();
      row.deadlineAt = null;
      row.finishedAt = null;
      row.reasonCode = null;
      row.reasonMessage = message + was;
      row.updatedAt = context.now();
      events.accountStep(run, row);
      context.touchAccount(row.objectId);
      rewait(context, later.get(row.objectId), index, stepId);
    }
    context.markWorkDue();
    audit.control(
        run, "run.step-retried", stepId, principal, reason + " (" + failed.size() + " accounts)");
    if (run.state.isFinal()) {
      run.state = RunState.RUNNING;
      run.finishedAt = null;
    }
    reviewer.review(context);
    contexts.close(context);
    return failed.size();
  }

  /** The account's later steps that did not run because this step failed wait for it again. */
  private static void rewait(
      RunContext context, Map<Integer, StepExecutionEntity> rows, int index, String stepId) {
    String skippedForIt = AccountSteps.notRunBecauseFailed(stepId);
    for (StepExecutionEntity row : rows.values()) {
      if (row.stepIndex > index
          && row.state == ExecutionState.SKIPPED
          && ReasonCode.NOT_APPLICABLE.name().equals(row.reasonCode)
          && skippedForIt.equals(row.reasonMessage)) {
        row.state = ExecutionState.WAITING;
        row.reasonCode = null;
        row.reasonMessage = null;
        row.finishedAt = null;
        row.updatedAt = context.now();
      }
    }
  }

  private static boolean retryable(ExecutionState state) {
    return state == ExecutionState.FAILED || state == ExecutionState.REQUIRES_MANUAL;
  }

  private static int indexOf(List<Step> steps, String stepId, String runId) {
    for (int index = 0; index < steps.size(); index++) {
      if (steps.get(index).id().equals(stepId)) {
        return index;
      }
    }
    throw ProblemException.notFound("Step " + stepId + " in the playbook of run " + runId);
  }
}
