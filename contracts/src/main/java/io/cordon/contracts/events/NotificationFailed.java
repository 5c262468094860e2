package io.cordon.contracts.events;

import java.time.Instant;

/**
 * Delivery to a partner gave up: retries exhausted, endpoint gone (410) or no usable channel.
 *
 * @param attempts delivery attempts made; 0 when none could be made
 * @param reason why delivery gave up, for the operator
 */
public record NotificationFailed(
    int schemaVersion,
    String eventId,
    String notificationId,
    String incidentId,
    String partnerId,
    String channel,
    int attempts,
    String reason,
    Instant failedAt)
    implements NotificationResult {

  public static final int SCHEMA_VERSION = 1;
  private static final String TYPE = "NotificationFailed";

  public NotificationFailed {
    Check.schemaVersion(schemaVersion, SCHEMA_VERSION, TYPE);
    Check.text(eventId, TYPE, "eventId");
    Check.text(notificationId, TYPE, "notificationId");
    Check.text(incidentId, TYPE, "incidentId");
    Check.text(partnerId, TYPE, "partnerId");
    Check.text(channel, TYPE, "channel");
    Check.atLeast(attempts, 0, TYPE, "attempts");
    Check.text(reason, TYPE, "reason");
    Check.required(failedAt, TYPE, "failedAt");
  }
}
