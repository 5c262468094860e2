package io.cordon.playbook.service.run;

import io.cordon.contracts.RunState;
import io.cordon.playbook.model.ExecutionCounts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import java.util.List;

/** A run's state from its executions (docs/playbooks.md, "Run states"). */
public final class RunStateRules {
  private RunStateRules() {}

  /** The state of a run that was not cancelled. */
  public static RunState stateOf(
      ExecutionCounts counts, List<Step> steps, boolean allChunksReceived) {
    if (counts.notFinal() == 0 && allChunksReceived) {
      return finalState(counts, steps);
    }
    if (counts.total(ExecutionState.PENDING) + counts.total(ExecutionState.IN_PROGRESS) > 0) {
      return RunState.RUNNING;
    }
    // nothing is due or in flight: only an approver can move the run on (or missing chunks)
    if (counts.total(ExecutionState.WAITING_APPROVAL) > 0) {
      return RunState.WAITING_APPROVAL;
    }
    return RunState.RUNNING;
  }

  private static RunState finalState(ExecutionCounts counts, List<Step> steps) {
    boolean partial = counts.total(ExecutionState.REQUIRES_MANUAL) > 0;
    for (int index = 0; index < steps.size(); index++) {
      if (counts.count(index, ExecutionState.FAILED) == 0) {
        continue;
      }
      if (!steps.get(index).continueOnFailure()) {
        return RunState.FAILED;
      }
      partial = true;
    }
    return partial ? RunState.PARTIALLY_SUCCEEDED : RunState.SUCCEEDED;
  }
}
