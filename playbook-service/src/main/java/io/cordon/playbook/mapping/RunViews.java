package io.cordon.playbook.mapping;

import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ExecutionCounts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.RunAccountEntity;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds the API's views of runs from their rows. */
public final class RunViews {
  private RunViews() {}

  /**
   * @param playbook null for a run refused before it could start
   * @param stepTimes first start and last finish per step index
   */
  public static RunView detail(
      RunEntity run,
      Playbook playbook,
      ExecutionCounts counts,
      Map<Integer, Instant[]> stepTimes,
      Map<Integer, StepExecutionEntity> runSteps,
      Instant now) {
    List<RunView.StepView> steps = new ArrayList<>();
    EnumMap<ExecutionState, Long> overall = new EnumMap<>(ExecutionState.class);
    List<Step> playbookSteps = playbook == null ? List.of() : playbook.steps();
    for (int index = 0; index < playbookSteps.size(); index++) {
      Step step = playbookSteps.get(index);
      Map<ExecutionState, Long> stepCounts = nonZero(counts.ofStep(index));
      stepCounts.forEach((state, count) -> overall.merge(state, count, Long::sum));
      Instant[] times = stepTimes.getOrDefault(index, new Instant[2]);
      boolean finished = counts.stepFinished(index) && run.allChunksReceived();
      Instant finishedAt = finished ? times[1] : null;
      steps.add(
          new RunView.StepView(
              index,
              step.id(),
              step.action().name(),
              step.scope().wire(),
              stepCounts,
              times[0],
              finishedAt,
              duration(times[0], finishedAt, now),
              finished,
              outcome(runSteps.get(index))));
    }
    return new RunView(
        run.id,
        new RunView.PlaybookRef(run.playbookName, run.playbookVersion),
        new RunView.IncidentView(run.incidentId, run.incidentTitle, run.incidentSeverity),
        run.source,
        run.reportId,
        run.startedBy,
        run.state,
        run.stateReason,
        run.cancelledBy,
        run.pausedAt == null
            ? null
            : new RunView.Pause(run.pausedBy, run.pauseReason, run.pausedAt),
        new RunView.Chunks(run.chunksReceived, run.chunksExpected),
        run.accountsTotal,
        run.createdAt,
        run.createdAt,
        run.finishedAt,
        duration(run.createdAt, run.finishedAt, now),
        overall,
        steps);
  }

  private static RunView.Outcome outcome(StepExecutionEntity execution) {
    if (execution == null
        || execution.state == ExecutionState.WAITING
        || execution.state == ExecutionState.PENDING) {
      return null;
    }
    return new RunView.Outcome(
        execution.state,
        execution.reasonCode,
        execution.reasonMessage,
        execution.state == ExecutionState.IN_PROGRESS ? execution.deadlineAt : null);
  }

  public static RunListItem listItem(RunEntity run, long[] progress, Instant now) {
    long[] doneAndTotal = progress == null ? new long[2] : progress;
    return new RunListItem(
        run.id,
        new RunView.PlaybookRef(run.playbookName, run.playbookVersion),
        run.incidentId,
        run.reportId,
        run.state,
        run.source,
        run.startedBy,
        run.accountsTotal,
        new RunListItem.Progress(doneAndTotal[0], doneAndTotal[1]),
        run.createdAt,
        run.finishedAt,
        duration(run.createdAt, run.finishedAt, now));
  }

  public static AccountView account(RunAccountEntity row, List<StepExecutionEntity> executions) {
    AccountFacts facts = AccountRows.facts(row);
    List<AccountView.StepState> steps =
        executions.stream()
            .sorted(Comparator.comparingInt(execution -> execution.stepIndex))
            .map(RunViews::stepState)
            .toList();
    return new AccountView(
        facts.objectId(),
        facts.userPrincipalName(),
        facts.tenantId(),
        facts.tenantName(),
        facts.userType(),
        facts.onPremisesSynced(),
        facts.privileged(),
        facts.privilegedRoles(),
        facts.groups(),
        row.settledAs == null
            ? null
            : new AccountView.Settlement(
                row.settledAs, row.settledBy, row.settledReason, row.settledAt),
        steps);
  }

  private static AccountView.StepState stepState(StepExecutionEntity execution) {
    return new AccountView.StepState(
        execution.stepId,
        execution.action,
        execution.state,
        execution.reasonCode,
        execution.reasonMessage,
        execution.attempt,
        execution.dispatches,
        execution.actionId,
        execution.approvalId,
        execution.startedAt,
        execution.finishedAt);
  }

  private static Map<ExecutionState, Long> nonZero(Map<ExecutionState, Long> counts) {
    EnumMap<ExecutionState, Long> nonZero = new EnumMap<>(ExecutionState.class);
    counts.forEach(
        (state, count) -> {
          if (count > 0) {
            nonZero.put(state, count);
          }
        });
    return nonZero;
  }

  private static Long duration(Instant start, Instant end, Instant now) {
    if (start == null) {
      return null;
    }
    return Duration.between(start, end == null ? now : end).toMillis();
  }
}
