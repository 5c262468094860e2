package io.cordon.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * Asks notification-service to tell the affected partners about an incident; topic {@code
 * cordon.partner-notifications}, key {@code incident.id}. A later request for the same incident is
 * a follow-up to the same notices.
 *
 * @param affectedAccounts every compromised account; only partners with {@code accounts} disclosure
 *     see the UPNs
 */
public record NotificationRequested(
    int schemaVersion,
    String eventId,
    String notificationId,
    IncidentRef incident,
    RunSummary runSummary,
    AffectedScopes affectedScopes,
    List<ScopeCount> scopeCounts,
    List<ActionTally> actionsTaken,
    List<AffectedAccount> affectedAccounts,
    Instant requestedAt)
    implements CordonEvent {

  public static final int SCHEMA_VERSION = 1;
  private static final String TYPE = "NotificationRequested";

  public NotificationRequested {
    Check.schemaVersion(schemaVersion, SCHEMA_VERSION, TYPE);
    Check.text(eventId, TYPE, "eventId");
    Check.text(notificationId, TYPE, "notificationId");
    Check.required(incident, TYPE, "incident");
    Check.required(runSummary, TYPE, "runSummary");
    Check.required(affectedScopes, TYPE, "affectedScopes");
    scopeCounts = Check.list(scopeCounts, TYPE, "scopeCounts");
    actionsTaken = Check.list(actionsTaken, TYPE, "actionsTaken");
    affectedAccounts = Check.list(affectedAccounts, TYPE, "affectedAccounts");
    Check.required(requestedAt, TYPE, "requestedAt");
  }
}
