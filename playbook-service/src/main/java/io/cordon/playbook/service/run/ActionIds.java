package io.cordon.playbook.service.run;

import io.cordon.contracts.events.EventIds;

/**
 * Action ids are derived, never random: re-dispatching an attempt (after a timeout, or a crash
 * before the engine saw the outcome) sends the same id, which account-service recognises and never
 * executes twice. Only a retry after a failed attempt gets a new id, so that it really runs again.
 */
public final class ActionIds {
  private ActionIds() {}

  /** The id of attempt {@code attempt} of a step for an account. */
  public static String of(String runId, String stepId, String objectId, int attempt) {
    return attempt == 1
        ? EventIds.derived(runId, stepId, objectId)
        : EventIds.derived(runId, stepId, objectId, "attempt-" + attempt);
  }

  /** The id of a run-only step's single execution; also the notification id of a notify step. */
  public static String ofRunStep(String runId, String stepId) {
    return EventIds.derived(runId, stepId);
  }

  /** The event id of the n-th ActionRequested of an action (n > 1 after timeouts). */
  public static String requestEventId(String actionId, int dispatch) {
    return EventIds.derived("action-requested", actionId, Integer.toString(dispatch));
  }
}
