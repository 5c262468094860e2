package io.cordon.contracts.events;

/**
 * What became of a notice for one partner; both kinds share topic {@code
 * cordon.notification-results}, key incident id.
 */
public sealed interface NotificationResult extends NotificationResultsEvent
    permits NotificationDelivered, NotificationFailed {

  String WEBHOOK = "webhook";
  String EMAIL = "email";

  String notificationId();

  String incidentId();

  String partnerId();

  /** {@link #WEBHOOK} or {@link #EMAIL}. */
  String channel();

  int attempts();
}
