package io.cordon.contracts.events;

import io.cordon.contracts.ActionType;

/** How one action went across all accounts of a run so far. */
public record ActionTally(
    ActionType action, int succeeded, int skipped, int requiresManual, int failed) {

  private static final String TYPE = "ActionTally";

  public ActionTally {
    Check.required(action, TYPE, "action");
    Check.atLeast(succeeded, 0, TYPE, "succeeded");
    Check.atLeast(skipped, 0, TYPE, "skipped");
    Check.atLeast(requiresManual, 0, TYPE, "requiresManual");
    Check.atLeast(failed, 0, TYPE, "failed");
  }
}
