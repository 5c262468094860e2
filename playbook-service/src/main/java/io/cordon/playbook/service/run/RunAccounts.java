package io.cordon.playbook.service.run;

import io.cordon.contracts.ReasonCode;
import io.cordon.playbook.mapping.AccountRows;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.ApprovalStore;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunAccountStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds accounts to a run with an execution for every step, each already in the state the account
 * starts in (skipped by `when`, held for approval, due, or waiting), so a large run is a batch of
 * inserts rather than insert-then-update.
 */
@ApplicationScoped
public class RunAccounts {
  /** Accounts written between session flushes, so a 50,000-account run fits in memory. */
  static final int FLUSH_EVERY = 500;

  @Inject RunAccountStore accountStore;
  @Inject ApprovalStore approvals;
  @Inject ExecutionStore executions;
  @Inject AccountSteps accountSteps;
  @Inject RunContexts contexts;
  @Inject EntityManager entityManager;

  /** The single run-wide execution of each run-only step. */
  void createRunSteps(RunContext context) {
    List<Step> steps = context.playbook().steps();
    Map<Integer, StepExecutionEntity> created = new HashMap<>();
    for (int index = 0; index < steps.size(); index++) {
      Step step = steps.get(index);
      if (ActionScopes.runsOncePerRun(step)) {
        StepExecutionEntity execution = newExecution(context, index, step, null);
        execution.actionId = ActionIds.ofRunStep(context.run().id, step.id());
        execution.persist();
        created.put(index, execution);
      }
    }
    context.reattach(context.run(), created);
  }

  /** Adds the accounts the run does not have yet; a repeated account is ignored. */
  void add(RunContext context, List<AccountFacts> accounts) {
    Map<String, AccountFacts> unique = new LinkedHashMap<>();
    accounts.forEach(account -> unique.putIfAbsent(account.objectId(), account));
    Set<String> existing = accountStore.existing(context.run().id, unique.keySet());
    int position = context.run().accountsTotal;
    int sinceFlush = 0;
    for (AccountFacts account : unique.values()) {
      if (existing.contains(account.objectId())) {
        continue;
      }
      AccountRows.newRow(context.run().id, position++, account).persist();
      addExecutions(context, account);
      context.run().accountsTotal = position;
      if (++sinceFlush == FLUSH_EVERY) {
        flushAndClear(context);
        sinceFlush = 0;
      }
    }
    context.run().accountsTotal = position;
  }

  /** Accounts of a chunk that arrived after the run was cancelled: listed, but never run. */
  void cancelLateAccounts(RunContext context) {
    executions.cancelNotStarted(
        context.run().id,
        ReasonCode.CANCELLED.name(),
        "the run was cancelled before this account arrived",
        context.now());
    // an account that reached an approval step opened a request nobody should answer
    approvals.cancelPending(context.run().id, context.now());
  }

  private void addExecutions(RunContext context, AccountFacts account) {
    List<Step> steps = context.playbook().steps();
    Map<Integer, StepExecutionEntity> rows = new HashMap<>();
    for (int index = 0; index < steps.size(); index++) {
      Step step = steps.get(index);
      if (!ActionScopes.runsOncePerRun(step)) {
        StepExecutionEntity execution = newExecution(context, index, step, account.objectId());
        execution.persist();
        rows.put(index, execution);
      }
    }
    accountSteps.advance(context, account, rows, 0);
  }

  private static StepExecutionEntity newExecution(
      RunContext context, int index, Step step, String objectId) {
    StepExecutionEntity execution = new StepExecutionEntity();
    execution.runId = context.run().id;
    execution.stepIndex = index;
    execution.stepId = step.id();
    execution.action = step.action().name();
    execution.objectId = objectId;
    execution.state = ExecutionState.WAITING;
    execution.actionId =
        objectId == null ? null : ActionIds.of(context.run().id, step.id(), objectId, 1);
    execution.updatedAt = context.now();
    return execution;
  }

  // the run stays locked in the database; only the session forgets what it already wrote
  private void flushAndClear(RunContext context) {
    entityManager.flush();
    entityManager.clear();
    RunEntity run = entityManager.find(RunEntity.class, context.run().id);
    context.reattach(run, contexts.runSteps(run.id));
  }
}
