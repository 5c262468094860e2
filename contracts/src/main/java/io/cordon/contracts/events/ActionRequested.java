package io.cordon.contracts.events;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.OptionalField;
import java.time.Instant;
import java.util.Map;

/**
 * Asks account-service to run one action on one account; topic {@code cordon.account-actions}, key
 * {@code account.objectId}.
 *
 * @param actionId idempotency key: the same action id never takes effect twice
 * @param stepId the playbook step that asked for the action
 * @param parameters action options from the playbook step; empty when there are none
 */
public record ActionRequested(
    int schemaVersion,
    String eventId,
    String actionId,
    String runId,
    String stepId,
    AccountRef account,
    ActionType action,
    @OptionalField Map<String, String> parameters,
    Instant requestedAt)
    implements CordonEvent {

  public static final int SCHEMA_VERSION = 1;
  private static final String TYPE = "ActionRequested";

  public ActionRequested {
    Check.schemaVersion(schemaVersion, SCHEMA_VERSION, TYPE);
    Check.text(eventId, TYPE, "eventId");
    Check.text(actionId, TYPE, "actionId");
    Check.text(runId, TYPE, "runId");
    Check.text(stepId, TYPE, "stepId");
    Check.required(account, TYPE, "account");
    Check.required(action, TYPE, "action");
    parameters = Check.optionalMap(parameters, TYPE, "parameters");
    Check.required(requestedAt, TYPE, "requestedAt");
  }
}
