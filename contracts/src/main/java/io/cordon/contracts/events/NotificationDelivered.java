package io.cordon.contracts.events;

import java.time.Instant;

/** A partner's endpoint accepted the notice. */
public record NotificationDelivered(
    int schemaVersion,
    String eventId,
    String notificationId,
    String incidentId,
    String partnerId,
    String channel,
    int attempts,
    Instant deliveredAt)
    implements NotificationResult {

  public static final int SCHEMA_VERSION = 1;
  private static final String TYPE = "NotificationDelivered";

  public NotificationDelivered {
    Check.schemaVersion(schemaVersion, SCHEMA_VERSION, TYPE);
    Check.text(eventId, TYPE, "eventId");
    Check.text(notificationId, TYPE, "notificationId");
    Check.text(incidentId, TYPE, "incidentId");
    Check.text(partnerId, TYPE, "partnerId");
    Check.text(channel, TYPE, "channel");
    Check.atLeast(attempts, 1, TYPE, "attempts");
    Check.required(deliveredAt, TYPE, "deliveredAt");
  }
}
