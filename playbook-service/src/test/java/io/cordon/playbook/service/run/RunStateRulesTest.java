package io.cordon.playbook.service.run;

import static io.cordon.playbook.model.ExecutionState.FAILED;
import static io.cordon.playbook.model.ExecutionState.IN_PROGRESS;
import static io.cordon.playbook.model.ExecutionState.PENDING;
import static io.cordon.playbook.model.ExecutionState.REQUIRES_MANUAL;
import static io.cordon.playbook.model.ExecutionState.SKIPPED;
import static io.cordon.playbook.model.ExecutionState.SUCCEEDED;
import static io.cordon.playbook.model.ExecutionState.WAITING;
import static io.cordon.playbook.model.ExecutionState.WAITING_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.RunState;
import io.cordon.playbook.model.ExecutionCounts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStateRulesTest {
  private static final List<Step> STEPS =
      List.of(Facts.failing("revoke", true), Facts.failing("disable", false));

  private static ExecutionCounts counts(Object... stepStateCount) {
    ExecutionCounts counts = new ExecutionCounts();
    for (int i = 0; i < stepStateCount.length; i += 3) {
      counts.add(
          (Integer) stepStateCount[i],
          (ExecutionState) stepStateCount[i + 1],
          ((Integer) stepStateCount[i + 2]).longValue());
    }
    return counts;
  }

  @Test
  void everyExecutionSucceededOrSkippedIsSuccess() {
    assertThat(
            RunStateRules.stateOf(
                counts(0, SUCCEEDED, 9, 0, SKIPPED, 1, 1, SKIPPED, 10), STEPS, true))
        .isEqualTo(RunState.SUCCEEDED);
  }

  @Test
  void manualWorkOrAToleratedFailureIsPartialSuccess() {
    assertThat(RunStateRules.stateOf(counts(0, REQUIRES_MANUAL, 1, 1, SUCCEEDED, 1), STEPS, true))
        .isEqualTo(RunState.PARTIALLY_SUCCEEDED);
    assertThat(RunStateRules.stateOf(counts(0, FAILED, 1, 1, SUCCEEDED, 1), STEPS, true))
        .isEqualTo(RunState.PARTIALLY_SUCCEEDED);
  }

  @Test
  void aFailureWithoutContinueOnFailureFailsTheRun() {
    assertThat(
            RunStateRules.stateOf(
                counts(0, SUCCEEDED, 5, 1, FAILED, 1, 1, SUCCEEDED, 4), STEPS, true))
        .isEqualTo(RunState.FAILED);
  }

  @Test
  void waitingForApprovalOnlyWhileNothingElseCanMove() {
    assertThat(
            RunStateRules.stateOf(counts(0, IN_PROGRESS, 3, 1, WAITING_APPROVAL, 2), STEPS, true))
        .isEqualTo(RunState.RUNNING);
    assertThat(RunStateRules.stateOf(counts(0, PENDING, 1, 1, WAITING_APPROVAL, 2), STEPS, true))
        .isEqualTo(RunState.RUNNING);
    assertThat(
            RunStateRules.stateOf(
                counts(0, SUCCEEDED, 3, 1, WAITING_APPROVAL, 2, 1, WAITING, 1), STEPS, true))
        .isEqualTo(RunState.WAITING_APPROVAL);
  }

  @Test
  void aRunMissingChunksIsNotFinishedEvenWhenItsExecutionsAre() {
    assertThat(RunStateRules.stateOf(counts(0, SUCCEEDED, 500, 1, SUCCEEDED, 500), STEPS, false))
        .isEqualTo(RunState.RUNNING);
  }
}
