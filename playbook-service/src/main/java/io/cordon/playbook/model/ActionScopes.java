package io.cordon.playbook.model;

import io.cordon.contracts.ActionType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Which actions may run once per run ({@code scope: run}) rather than per account. */
public final class ActionScopes {

  /** Actions that may run once for the whole run: they coalesce accounts or speak for the run. */
  public static final Set<ActionType> RUN_LEVEL =
      Collections.unmodifiableSet(
          EnumSet.of(ActionType.CONFIRM_COMPROMISED, ActionType.NOTIFY_PARTNERS));

  /** Actions that only make sense once per run: one partner notice per incident. */
  public static final Set<ActionType> RUN_ONLY =
      Collections.unmodifiableSet(EnumSet.of(ActionType.NOTIFY_PARTNERS));

  private ActionScopes() {}

  /**
   * Whether a step runs as one execution for the whole run, done by the engine itself, rather than
   * as one execution per account.
   */
  public static boolean runsOncePerRun(Step step) {
    return step.scope() == StepScope.RUN && RUN_ONLY.contains(step.action());
  }
}
