package io.cordon.playbook.mapping;

import io.cordon.contracts.RunState;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.RemediationEvent;
import io.cordon.playbook.repository.ApprovalEntity;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import java.time.Instant;

/** The status events of runs on {@code cordon.remediation-events} (docs/api.md). */
public final class RemediationEvents {
  /** An approval was opened for a step; detail names the approval and its role. */
  public static final String APPROVAL_REQUESTED = "APPROVAL_REQUESTED";

  /** An approval was decided, expired or cancelled; detail says how and by whom. */
  public static final String APPROVAL_DECIDED = "APPROVAL_DECIDED";

  private RemediationEvents() {}

  public static RemediationEvent runState(RunEntity run, RunState state, String detail) {
    return event(run, RemediationEvent.RUN_STATE_CHANGED, state, null, null, null, detail);
  }

  public static RemediationEvent accountStep(RunEntity run, StepExecutionEntity execution) {
    String detail =
        execution.state.name()
            + (execution.reasonCode == null ? "" : " " + execution.reasonCode)
            + (execution.reasonMessage == null ? "" : ": " + execution.reasonMessage);
    return event(
        run,
        RemediationEvent.ACCOUNT_STEP_CHANGED,
        null,
        execution.objectId,
        execution.stepId,
        execution,
        detail);
  }

  public static RemediationEvent stepProgress(RunEntity run, String stepId, String detail) {
    return event(run, RemediationEvent.STEP_PROGRESS, null, null, stepId, null, detail);
  }

  public static RemediationEvent approval(
      RunEntity run, String kind, ApprovalEntity approval, String detail) {
    return event(run, kind, null, null, approval.stepId, null, detail);
  }

  private static RemediationEvent event(
      RunEntity run,
      String kind,
      RunState state,
      String objectId,
      String stepId,
      StepExecutionEntity execution,
      String detail) {
    return new RemediationEvent(
        RemediationEvent.SCHEMA_VERSION,
        EventIds.random(),
        run.id,
        run.incidentId,
        kind,
        state,
        objectId,
        stepId,
        execution == null ? null : execution.state.toActionState(),
        truncate(detail),
        Instant.now());
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }
}
