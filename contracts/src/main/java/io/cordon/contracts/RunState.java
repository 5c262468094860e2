package io.cordon.contracts;

/** State of a playbook run (DESIGN.md §6). */
public enum RunState {
  PENDING,
  RUNNING,
  WAITING_APPROVAL,
  SUCCEEDED,
  PARTIALLY_SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return switch (this) {
      case SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED, CANCELLED -> true;
      case PENDING, RUNNING, WAITING_APPROVAL -> false;
    };
  }
}
