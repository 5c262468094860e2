package io.cordon.contracts.events;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.OptionalField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asks account-service to run one action on one account; topic {@code cordon.account-actions}, key
 * {@code account.objectId}.
 *
 * @param actionId idempotency key: the same action id never takes effect twice
 * @param stepId the playbook step that asked for the action
 * @param parameters action options from the playbook step; empty when there are none
 * @param signature playbook-service's signature over {@link #signedContent()} (null before it is
 *     signed); account-service refuses a request without a valid one (docs/security.md "Signed
 *     action requests")
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
    Instant requestedAt,
    @OptionalField RequestSignature signature)
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

  public ActionRequested withSignature(RequestSignature signature) {
    return new ActionRequested(
        schemaVersion,
        eventId,
        actionId,
        runId,
        stepId,
        account,
        action,
        parameters,
        requestedAt,
        signature);
  }

  /**
   * The bytes the signature covers: every field but the signature itself, each length-prefixed so
   * no two different requests share them (a changed action type, account or parameter breaks it).
   * Parameters are taken in key order, since JSON objects have none.
   */
  public byte[] signedContent() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    field(out, TYPE + ".v" + schemaVersion);
    field(out, eventId);
    field(out, actionId);
    field(out, runId);
    field(out, stepId);
    field(out, account.objectId());
    field(out, account.userPrincipalName());
    field(out, account.tenantId());
    field(out, action.name());
    Map<String, String> sorted = new TreeMap<>(parameters);
    field(out, Integer.toString(sorted.size()));
    sorted.forEach(
        (key, value) -> {
          field(out, key);
          field(out, value);
        });
    field(out, requestedAt.toString());
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bytes);
    out.write('\n');
  }
}
