package io.cordon.playbook.service.run;

import static io.cordon.playbook.service.run.Facts.MEMBER;
import static io.cordon.playbook.service.run.Facts.SYNCED_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountProgressionTest {
  private static final List<Step> CONTAIN =
      List.of(
          Facts.step("revoke", ActionType.REVOKE_SESSIONS),
          Facts.when("disable", ActionType.DISABLE_ACCOUNT, Facts.privileged(true)),
          Facts.runScope("confirm", ActionType.CONFIRM_COMPROMISED),
          Facts.step("rules", ActionType.REMOVE_FORWARDING_RULES),
          Facts.runScope("notify", ActionType.NOTIFY_PARTNERS),
          Facts.step("grants", ActionType.REVOKE_OAUTH_GRANTS));

  @Test
  void theFirstStepThatAppliesBecomesDue() {
    assertThat(AccountProgression.from(CONTAIN, MEMBER, 0, -1, i -> false))
        .containsExactly(new Move(0, ExecutionState.PENDING, null));
  }

  @Test
  void stepsWhoseWhenDoesNotHoldAreSkippedOnTheWay() {
    assertThat(AccountProgression.from(CONTAIN, MEMBER, 1, 2, i -> false))
        .containsExactly(
            new Move(1, ExecutionState.SKIPPED, ReasonCode.CONDITION_NOT_MET),
            new Move(2, ExecutionState.PENDING, null));
    assertThat(AccountProgression.from(CONTAIN, SYNCED_ADMIN, 1, 2, i -> false))
        .containsExactly(new Move(1, ExecutionState.PENDING, null));
  }

  @Test
  void aRunStepNotYetOpenStopsTheAccount() {
    assertThat(AccountProgression.from(CONTAIN, MEMBER, 1, -1, i -> false))
        .containsExactly(new Move(1, ExecutionState.SKIPPED, ReasonCode.CONDITION_NOT_MET));
  }

  @Test
  void aRunOnlyStepHoldsEveryAccountUntilItsOneExecutionIsFinal() {
    assertThat(AccountProgression.from(CONTAIN, MEMBER, 4, 4, i -> false)).isEmpty();
    assertThat(AccountProgression.from(CONTAIN, MEMBER, 4, 4, i -> i == 4))
        .containsExactly(new Move(5, ExecutionState.PENDING, null));
  }

  @Test
  void aStepWithApprovalWaitsForIt() {
    List<Step> steps =
        List.of(
            Facts.approved("disable", ActionType.DISABLE_ACCOUNT),
            Facts.step("x", ActionType.REVOKE_SESSIONS));
    assertThat(AccountProgression.from(steps, MEMBER, 0, -1, i -> false))
        .containsExactly(new Move(0, ExecutionState.WAITING_APPROVAL, null));
  }

  @Test
  void pastTheLastStepThereIsNothingToDo() {
    assertThat(AccountProgression.from(CONTAIN, MEMBER, CONTAIN.size(), 4, i -> true)).isEmpty();
  }

  @Test
  void barriersAreTheRunScopedStepsInOrder() {
    assertThat(AccountProgression.nextBarrier(CONTAIN, -1)).isEqualTo(2);
    assertThat(AccountProgression.nextBarrier(CONTAIN, 2)).isEqualTo(4);
    assertThat(AccountProgression.nextBarrier(CONTAIN, 4)).isEqualTo(-1);
  }
}
