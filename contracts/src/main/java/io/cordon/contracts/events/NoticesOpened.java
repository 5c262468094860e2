package io.cordon.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * What notification-service made of one notification request: the partners and channels it opened
 * notices on, each of which will get exactly one final {@link NotificationResult} (until a person
 * redelivers it). An empty list says no partner gets anything: none is affected, or nothing changed
 * for any since its last notice. Topic {@code cordon.notification-results}, key incident id,
 * published once per request.
 */
public record NoticesOpened(
    int schemaVersion,
    String eventId,
    String notificationId,
    String incidentId,
    List<OpenedNotice> notices,
    Instant openedAt)
    implements NotificationResultsEvent {

  public static final int SCHEMA_VERSION = 1;
  private static final String TYPE = "NoticesOpened";

  public NoticesOpened {
    Check.schemaVersion(schemaVersion, SCHEMA_VERSION, TYPE);
    Check.text(eventId, TYPE, "eventId");
    Check.text(notificationId, TYPE, "notificationId");
    Check.text(incidentId, TYPE, "incidentId");
    notices = Check.list(notices, TYPE, "notices");
    Check.required(openedAt, TYPE, "openedAt");
  }
}
