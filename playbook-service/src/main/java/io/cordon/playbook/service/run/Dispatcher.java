package io.cordon.playbook.service.run;

import io.cordon.commons.outbox.Outbox;
import io.cordon.commons.tracing.TraceContexts;
import io.cordon.commons.tracing.TracedWork;
import io.cordon.commons.tracing.WorkAttributes;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.playbook.config.EngineConfig;
import io.cordon.playbook.mapping.AccountRows;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunAccountEntity;
import io.cordon.playbook.repository.RunAccountStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends due executions to account-service. The ActionRequested goes into the outbox in the same
 * transaction that marks the execution IN_PROGRESS: either both happen or neither, so a crash
 * neither loses a request nor sends one for an execution still marked due.
 */
@ApplicationScoped
public class Dispatcher {
  @Inject ExecutionStore executions;
  @Inject RunAccountStore accounts;
  @Inject RunPlaybooks playbooks;
  @Inject Outbox outbox;
  @Inject EngineConfig config;
  @Inject EntityManager entityManager;
  @Inject TraceContexts traces;
  @Inject ActionSigning signing;

  /** Dispatches up to {@code limit} due executions; returns how many it dispatched. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int dispatchDue(int limit) {
    Instant now = RunContexts.now();
    List<StepExecutionEntity> due = executions.lockDue(now, limit);
    if (due.isEmpty()) {
      return 0;
    }
    // read, not locked: the dispatcher never waits for a run another transaction holds
    Map<String, RunEntity> runs = new HashMap<>();
    Map<String, Map<String, AccountFacts>> facts = new HashMap<>();
    due.stream()
        .collect(Collectors.groupingBy(row -> row.runId))
        .forEach(
            (runId, rows) -> {
              runs.put(runId, entityManager.find(RunEntity.class, runId));
              facts.put(runId, factsOf(runId, rows.stream().map(row -> row.objectId).toList()));
            });
    for (StepExecutionEntity row : due) {
      RunEntity run = runs.get(row.runId);
      Playbook playbook = playbooks.of(run);
      dispatch(
          run,
          playbook.steps().get(row.stepIndex),
          facts.get(row.runId).get(row.objectId),
          row,
          now);
    }
    return due.size();
  }

  private void dispatch(
      RunEntity run, Step step, AccountFacts account, StepExecutionEntity row, Instant now) {
    row.dispatches++;
    // signed, so account-service can tell it from one any other writer of the topic made
    ActionRequested request =
        signing.sign(
            new ActionRequested(
                ActionRequested.SCHEMA_VERSION,
                ActionIds.requestEventId(row.actionId, row.dispatches),
                row.actionId,
                run.id,
                step.id(),
                account.ref(),
                step.action(),
                step.parameters(),
                now,
                null));
    // the request continues the run's trace, so the Graph call it causes joins it too
    try (TracedWork work =
        traces.continueFrom(
            run.traceparent,
            "Dispatcher.dispatch",
            new WorkAttributes(
                run.id, account.objectId(), account.userPrincipalName(), step.action().name()))) {
      outbox.publish(Topics.ACCOUNT_ACTIONS, account.objectId(), request);
    }
    row.state = ExecutionState.IN_PROGRESS;
    row.dueAt = null;
    row.deadlineAt = now.plus(timeout(step));
    row.updatedAt = now;
    if (row.startedAt == null) {
      row.startedAt = now;
    }
  }

  private Duration timeout(Step step) {
    return step.timeout() == null ? config.defaultStepTimeout() : step.timeout().value();
  }

  private Map<String, AccountFacts> factsOf(String runId, List<String> objectIds) {
    Map<String, AccountFacts> byId = new HashMap<>();
    for (RunAccountEntity row : accounts.of(runId, objectIds)) {
      byId.put(row.key.objectId, AccountRows.facts(row));
    }
    return byId;
  }
}
