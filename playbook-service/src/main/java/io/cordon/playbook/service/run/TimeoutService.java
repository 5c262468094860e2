package io.cordon.playbook.service.run;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.RunState;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.ApprovalEntity;
import io.cordon.playbook.repository.ApprovalStore;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Timers: attempts that got no outcome in time and approvals nobody decided in time. Each run is
 * handled in its own transaction under its lock, taken with SKIP LOCKED, so instances share the
 * runs and a busy run is simply handled on the next poll.
 */
@ApplicationScoped
public class TimeoutService {
  static final int RUNS_PER_POLL = 100;

  @Inject RunStore runs;
  @Inject ExecutionStore executions;
  @Inject ApprovalStore approvals;
  @Inject RunContexts contexts;
  @Inject AccountSteps accountSteps;
  @Inject ApprovalResolution resolution;
  @Inject RunReviewer reviewer;
  @Inject DeliveryWait deliveryWait;

  /** The runs with attempts past their deadline. */
  @Transactional
  public List<String> runsWithTimedOutAttempts() {
    return executions.runsWithTimedOutAttempts(RunContexts.now(), RUNS_PER_POLL);
  }

  /** The runs with approvals past their timeout. */
  @Transactional
  public Set<String> runsWithExpiredApprovals() {
    Set<String> runIds = new LinkedHashSet<>();
    approvals
        .expired(RunContexts.now(), RUNS_PER_POLL)
        .forEach(approval -> runIds.add(approval.runId));
    return runIds;
  }

  /**
   * A timed-out attempt counts as failed: it is requested again under the same action id while
   * attempts remain (account-service answers from its ledger if it did finish, and never runs it
   * twice), and fails with TIMED_OUT after the last.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void expireAttempts(String runId) {
    Optional<RunEntity> locked = runs.tryLock(runId);
    if (locked.isEmpty()) {
      return;
    }
    RunContext context = contexts.open(locked.get());
    List<StepExecutionEntity> timedOut = executions.lockTimedOut(runId, context.now());
    List<String> objectIds = timedOut.stream().map(row -> row.objectId).distinct().toList();
    Map<String, AccountFacts> facts = accountSteps.facts(context, objectIds);
    Map<String, Map<Integer, StepExecutionEntity>> rows = accountSteps.rowsOf(context, objectIds);
    for (StepExecutionEntity row : timedOut) {
      expire(context, facts.get(row.objectId), rows.get(row.objectId), row);
    }
    reviewer.review(context);
    contexts.close(context);
  }

  /** Applies {@code onTimeout} to the run's approvals that nobody decided in time. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void expireApprovals(String runId) {
    Optional<RunEntity> locked = runs.tryLock(runId);
    if (locked.isEmpty()) {
      return;
    }
    RunContext context = contexts.open(locked.get());
    for (ApprovalEntity approval : approvals.expired(runId, context.now())) {
      resolution.expire(context, approval);
    }
    reviewer.review(context);
    contexts.close(context);
  }

  private void expire(
      RunContext context,
      AccountFacts account,
      Map<Integer, StepExecutionEntity> accountRows,
      StepExecutionEntity row) {
    Step step = context.step(row.stepIndex);
    if (row.runLevel() && step.action() == ActionType.NOTIFY_PARTNERS) {
      // a notify step's deadline is its waitForDelivery, and the request is never sent again
      deliveryWait.boundReached(context, row);
      return;
    }
    String limit = step.timeout() == null ? "the default step timeout" : step.timeout().text();
    if (context.run().state == RunState.CANCELLED) {
      accountSteps.finish(
          context,
          row,
          ExecutionState.CANCELLED,
          ReasonCode.CANCELLED,
          "the run was cancelled and no outcome came within " + limit);
      return;
    }
    if (RetryPolicy.mayRetry(step, row.attempt)) {
      int retryNumber = row.attempt;
      row.attempt++;
      row.state = ExecutionState.PENDING;
      row.dueAt = context.now().plus(RetryPolicy.delay(step, retryNumber));
      row.deadlineAt = null;
      row.reasonCode = ReasonCode.TIMED_OUT.name();
      row.reasonMessage = "attempt " + retryNumber + " got no outcome within " + limit;
      row.updatedAt = context.now();
      return;
    }
    accountSteps.finish(
        context,
        row,
        ExecutionState.FAILED,
        ReasonCode.TIMED_OUT,
        "no outcome within " + limit + " after " + row.attempt + " attempt(s)");
    accountSteps.afterFinal(context, account, accountRows, row);
  }
}
