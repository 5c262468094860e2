package io.cordon.contracts.events;

import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.OptionalField;
import io.cordon.contracts.ReasonCode;
import java.time.Instant;

/**
 * The final outcome of one requested action; topic {@code cordon.account-action-results}, key
 * {@code account.objectId}.
 *
 * @param reasonCode {@link ReasonCode#OK} when the action succeeded
 * @param reasonMessage absent when the reason code says it all
 * @param graphRequestId absent when Graph was not called (e.g. skipped, already done)
 * @param attempts Graph calls made; 0 when Graph was not called
 */
public record ActionCompleted(
    int schemaVersion,
    String eventId,
    String actionId,
    String runId,
    String stepId,
    AccountRef account,
    ActionType action,
    ActionOutcome outcome,
    ReasonCode reasonCode,
    @OptionalField String reasonMessage,
    @OptionalField String graphRequestId,
    int attempts,
    Instant completedAt)
    implements CordonEvent {

  public static final int SCHEMA_VERSION = 1;
  private static final String TYPE = "ActionCompleted";

  public ActionCompleted {
    Check.schemaVersion(schemaVersion, SCHEMA_VERSION, TYPE);
    Check.text(eventId, TYPE, "eventId");
    Check.text(actionId, TYPE, "actionId");
    Check.text(runId, TYPE, "runId");
    Check.text(stepId, TYPE, "stepId");
    Check.required(account, TYPE, "account");
    Check.required(action, TYPE, "action");
    Check.required(outcome, TYPE, "outcome");
    Check.required(reasonCode, TYPE, "reasonCode");
    Check.optionalText(graphRequestId, TYPE, "graphRequestId");
    Check.atLeast(attempts, 0, TYPE, "attempts");
    Check.required(completedAt, TYPE, "completedAt");
  }
}
