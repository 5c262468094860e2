package io.cordon.contracts.events;

import io.cordon.contracts.ActionState;
import io.cordon.contracts.OptionalField;
import io.cordon.contracts.RunState;
import java.time.Instant;

/**
 * A status change for dashboards and SIEM export; topic {@code cordon.remediation-events}, key
 * {@link #runId()}. Which optional fields are set depends on {@link #kind()}.
 *
 * @param kind what changed: {@link #RUN_STATE_CHANGED}, {@link #STEP_PROGRESS}, {@link
 *     #ACCOUNT_STEP_CHANGED}, or a kind added later (consumers skip kinds they do not know)
 * @param runState the run's state; set for {@link #RUN_STATE_CHANGED}
 * @param accountObjectId set for {@link #ACCOUNT_STEP_CHANGED}
 * @param stepId set for {@link #STEP_PROGRESS} and {@link #ACCOUNT_STEP_CHANGED}
 * @param actionState set for {@link #ACCOUNT_STEP_CHANGED}
 * @param detail free text, e.g. a reason or progress counts
 */
public record RemediationEvent(
    int schemaVersion,
    String eventId,
    String runId,
    String incidentId,
    String kind,
    @OptionalField RunState runState,
    @OptionalField String accountObjectId,
    @OptionalField String stepId,
    @OptionalField ActionState actionState,
    @OptionalField String detail,
    Instant occurredAt)
    implements CordonEvent {

  public static final int SCHEMA_VERSION = 1;
  public static final String RUN_STATE_CHANGED = "RUN_STATE_CHANGED";
  public static final String STEP_PROGRESS = "STEP_PROGRESS";
  public static final String ACCOUNT_STEP_CHANGED = "ACCOUNT_STEP_CHANGED";
  private static final String TYPE = "RemediationEvent";

  public RemediationEvent {
    Check.schemaVersion(schemaVersion, SCHEMA_VERSION, TYPE);
    Check.text(eventId, TYPE, "eventId");
    Check.text(runId, TYPE, "runId");
    Check.text(incidentId, TYPE, "incidentId");
    Check.text(kind, TYPE, "kind");
    Check.optionalText(accountObjectId, TYPE, "accountObjectId");
    Check.optionalText(stepId, TYPE, "stepId");
    Check.required(occurredAt, TYPE, "occurredAt");
  }
}
