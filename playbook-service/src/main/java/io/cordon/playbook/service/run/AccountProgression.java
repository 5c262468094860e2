package io.cordon.playbook.service.run;

import io.cordon.contracts.ReasonCode;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.model.StepScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Where an account goes next in its playbook, decided from the steps and its facts alone: steps
 * whose {@code when} does not hold are skipped, the first one that applies is held for approval or
 * made due, and a {@code scope: run} step that is not open yet stops the walk.
 */
public final class AccountProgression {
  private AccountProgression() {}

  /**
   * The moves that take an account from step {@code from} to the next step it has to wait at.
   *
   * @param openedThrough the run's last opened {@code scope: run} step index (-1: none)
   * @param runStepFinished whether the run-wide execution of a run-only step at an index is final
   */
  public static List<Move> from(
      List<Step> steps,
      AccountFacts account,
      int from,
      int openedThrough,
      IntPredicate runStepFinished) {
    return from(steps, account, from, openedThrough, runStepFinished, Set.of());
  }

  /**
   * @param preflightSkips steps the run's preflight skips (see {@link RunPreflight#skips}): ids, or
   *     ids suffixed {@link RunPreflight#PRIVILEGED_ONLY} for privileged accounts only
   */
  public static List<Move> from(
      List<Step> steps,
      AccountFacts account,
      int from,
      int openedThrough,
      IntPredicate runStepFinished,
      Set<String> preflightSkips) {
    List<Move> moves = new ArrayList<>();
    for (int index = from; index < steps.size(); index++) {
      Step step = steps.get(index);
      if (ActionScopes.runsOncePerRun(step)) {
        // the account has no execution of its own here: it goes on once the run's one is done
        if (index <= openedThrough && runStepFinished.test(index)) {
          continue;
        }
        return moves;
      }
      if (step.scope() == StepScope.RUN && index > openedThrough) {
        return moves;
      }
      if (!Conditions.matches(step.when(), account)) {
        moves.add(new Move(index, ExecutionState.SKIPPED, ReasonCode.CONDITION_NOT_MET));
        continue;
      }
      if (preflightSkips.contains(step.id())
          || (account.privileged()
              && preflightSkips.contains(step.id() + RunPreflight.PRIVILEGED_ONLY))) {
        moves.add(new Move(index, ExecutionState.SKIPPED, ReasonCode.MISSING_PERMISSION));
        continue;
      }
      ExecutionState entered =
          step.approval() != null ? ExecutionState.WAITING_APPROVAL : ExecutionState.PENDING;
      moves.add(new Move(index, entered, null));
      return moves;
    }
    return moves;
  }

  /** The index of the next {@code scope: run} step after {@code openedThrough}, or -1. */
  public static int nextBarrier(List<Step> steps, int openedThrough) {
    for (int index = openedThrough + 1; index < steps.size(); index++) {
      if (steps.get(index).scope() == StepScope.RUN) {
        return index;
      }
    }
    return -1;
  }
}
