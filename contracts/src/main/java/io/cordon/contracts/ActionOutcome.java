package io.cordon.contracts;

/** How account-service finished an action; every outcome is final for that action id. */
public enum ActionOutcome {
  SUCCEEDED,
  SKIPPED,
  REQUIRES_MANUAL,
  FAILED_PERMANENT;

  public ActionState toActionState() {
    return switch (this) {
      case SUCCEEDED -> ActionState.SUCCEEDED;
      case SKIPPED -> ActionState.SKIPPED;
      case REQUIRES_MANUAL -> ActionState.REQUIRES_MANUAL;
      case FAILED_PERMANENT -> ActionState.FAILED;
    };
  }
}
