package io.cordon.playbook.model;

import io.cordon.contracts.ActionState;

/** Where one step stands for one account (or, for a run-only step, for the whole run). */
public enum ExecutionState {
  /** Not reached yet: an earlier step, a {@code scope: run} barrier or missing chunks hold it. */
  WAITING,
  /** Reached, and held until an approver decides. */
  WAITING_APPROVAL,
  /** Due for dispatch at {@code dueAt} (now, or after a retry backoff). */
  PENDING,
  /** Requested from account-service; waiting for its ActionCompleted until {@code deadlineAt}. */
  IN_PROGRESS,
  SUCCEEDED,
  SKIPPED,
  REQUIRES_MANUAL,
  FAILED,
  /** The run was cancelled before this step ran. */
  CANCELLED;

  public boolean isFinal() {
    return switch (this) {
      case SUCCEEDED, SKIPPED, REQUIRES_MANUAL, FAILED, CANCELLED -> true;
      case WAITING, WAITING_APPROVAL, PENDING, IN_PROGRESS -> false;
    };
  }

  /** The nearest state of the shared vocabulary, for RemediationEvent consumers. */
  public ActionState toActionState() {
    return switch (this) {
      case WAITING, WAITING_APPROVAL, PENDING -> ActionState.PENDING;
      case IN_PROGRESS -> ActionState.IN_PROGRESS;
      case SUCCEEDED -> ActionState.SUCCEEDED;
      // a cancelled step did not run: for a dashboard that is a skip, the detail says why
      case SKIPPED, CANCELLED -> ActionState.SKIPPED;
      case REQUIRES_MANUAL -> ActionState.REQUIRES_MANUAL;
      case FAILED -> ActionState.FAILED;
    };
  }
}
