package io.cordon.contracts;

/** State of one action for one account, as shown in reports, runs and status events. */
public enum ActionState {
  PENDING,
  IN_PROGRESS,
  SUCCEEDED,
  SKIPPED,
  REQUIRES_MANUAL,
  FAILED;

  public boolean isFinal() {
    return this != PENDING && this != IN_PROGRESS;
  }
}
