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

  /**
   * Actions that give an account a way back in (a Temporary Access Pass, risk dismissed, enabled
   * again): they only follow a containment, never take part in one.
   */
  public static final Set<ActionType> RECOVERY =
      Collections.unmodifiableSet(
          EnumSet.of(
              ActionType.ISSUE_TEMPORARY_ACCESS_PASS,
              ActionType.DISMISS_RISK,
              ActionType.ENABLE_ACCOUNT));

  private ActionScopes() {}

  /**
   * Whether every step of the playbook is a recovery action (e.g. {@code recover-account}): such a
   * run is for accounts already contained in its incident and leaves their containment as it is.
   */
  public static boolean recovers(Playbook playbook) {
    return !playbook.steps().isEmpty()
        && playbook.steps().stream().allMatch(step -> RECOVERY.contains(step.action()));
  }

  /**
   * Whether a step runs as one execution for the whole run, done by the engine itself, rather than
   * as one execution per account.
   */
  public static boolean runsOncePerRun(Step step) {
    return step.scope() == StepScope.RUN && RUN_ONLY.contains(step.action());
  }
}
