package io.cordon.playbook.service.run;

import io.cordon.contracts.RunState;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.ExecutionCounts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Looks at a run after every change: opens {@code scope: run} steps once everything before them is
 * final (and every chunk of the report is in), then derives the run's state and announces what
 * changed. Called by whoever changed the run, under its lock, before commit.
 */
@ApplicationScoped
public class RunReviewer {
  @Inject ExecutionStore executions;
  @Inject RunStore runs;
  @Inject AccountSteps accountSteps;
  @Inject RunSteps runSteps;
  @Inject RunEvents events;
  @Inject RunContainment containment;
  @Inject PartnerNotifier notifier;

  void review(RunContext context) {
    if (!context.run().state.isFinal()) {
      reviewRun(context);
    }
    // a cancelled run still hears the outcomes of what was in flight
    containment.afterChanges(context);
  }

  private void reviewRun(RunContext context) {
    RunEntity run = context.run();
    List<Step> steps = context.playbook().steps();
    ExecutionCounts counts = executions.counts(run.id);
    int barrier = AccountProgression.nextBarrier(steps, run.barrierIndex);
    while (barrier >= 0 && run.allChunksReceived() && counts.allFinalBefore(barrier)) {
      open(context, barrier);
      counts = executions.counts(run.id);
      barrier = AccountProgression.nextBarrier(steps, run.barrierIndex);
    }
    settle(context, counts);
  }

  private void open(RunContext context, int stepIndex) {
    context.run().barrierIndex = stepIndex;
    if (ActionScopes.runsOncePerRun(context.step(stepIndex))) {
      runSteps.enter(context, context.runStep(stepIndex));
    } else {
      accountSteps.moveAllOn(context, stepIndex);
    }
  }

  private void settle(RunContext context, ExecutionCounts counts) {
    RunEntity run = context.run();
    List<Step> steps = context.playbook().steps();
    RunState state = RunStateRules.stateOf(counts, steps, run.allChunksReceived());
    if (state != run.state) {
      run.state = state;
      run.updatedAt = context.now();
      if (state.isFinal()) {
        run.finishedAt = context.now();
        containment.afterRunEnded(run, context.now());
        notifier.afterRunEnded(context);
      }
      events.runState(run, state, describe(counts.ofAllSteps()));
    }
    if (!run.allChunksReceived()) {
      return;
    }
    for (int index = 0; index < steps.size(); index++) {
      if (counts.stepFinished(index) && runs.markStepDone(run.id, index)) {
        events.stepProgress(run, steps.get(index).id(), describe(counts.ofStep(index)));
      }
    }
  }

  static String describe(Map<ExecutionState, Long> counts) {
    return counts.entrySet().stream()
        .filter(entry -> entry.getValue() > 0)
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(" "));
  }
}
