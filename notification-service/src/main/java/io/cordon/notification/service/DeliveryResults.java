package io.cordon.notification.service;

import io.cordon.commons.outbox.Outbox;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.OpenedNotice;
import io.cordon.notification.repository.DeliveryEntity;
import io.cordon.notification.repository.NoticeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Announces what a notification request opened and then the final delivery outcomes on {@code
 * cordon.notification-results} (key: incident id) through the outbox, in the transaction that
 * records them. Event ids derive from the delivery, its outcome and attempt count: a retried
 * transaction republishes the same id, while a later redelivery's outcome is a new event.
 */
@ApplicationScoped
public class DeliveryResults {
  @Inject Outbox outbox;

  /**
   * Tells which partners and channels a notification request opened notices on (none at all, too),
   * so that a requester can wait for exactly that many results. One per request: the event id
   * derives from the request's.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void opened(NotificationRequested request, List<OpenedNotice> notices, Instant at) {
    outbox.publish(
        Topics.NOTIFICATION_RESULTS,
        request.incident().id(),
        new NoticesOpened(
            NoticesOpened.SCHEMA_VERSION,
            EventIds.derived("notices-opened", request.eventId(), request.notificationId()),
            request.notificationId(),
            request.incident().id(),
            notices,
            at));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void delivered(DeliveryEntity delivery, NoticeEntity notice) {
    outbox.publish(
        Topics.NOTIFICATION_RESULTS,
        notice.incidentId,
        new NotificationDelivered(
            NotificationDelivered.SCHEMA_VERSION,
            eventId(delivery, "delivered"),
            notice.notificationId,
            notice.incidentId,
            notice.partnerId.toString(),
            delivery.channel.eventName(),
            delivery.attempts,
            delivery.deliveredAt));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void failed(DeliveryEntity delivery, NoticeEntity notice) {
    outbox.publish(
        Topics.NOTIFICATION_RESULTS,
        notice.incidentId,
        new NotificationFailed(
            NotificationFailed.SCHEMA_VERSION,
            eventId(delivery, delivery.status.name()),
            notice.notificationId,
            notice.incidentId,
            notice.partnerId.toString(),
            delivery.channel.eventName(),
            delivery.attempts,
            delivery.finalReason,
            delivery.finishedAt));
  }

  private static String eventId(DeliveryEntity delivery, String outcome) {
    return EventIds.derived(
        "notification-result",
        delivery.id.toString(),
        outcome,
        Integer.toString(delivery.attempts),
        String.valueOf(delivery.redeliveredAt));
  }
}
