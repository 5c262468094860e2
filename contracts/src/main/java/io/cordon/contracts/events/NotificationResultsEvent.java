package io.cordon.contracts.events;

/**
 * Anything on topic {@code cordon.notification-results} (key incident id): what a notification
 * request opened ({@link NoticesOpened}), then each notice's final outcome ({@link
 * NotificationResult}).
 */
public sealed interface NotificationResultsEvent extends CordonEvent
    permits NoticesOpened, NotificationResult {

  String notificationId();

  String incidentId();
}
