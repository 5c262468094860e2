package io.cordon.notification.mapping;

import io.cordon.notification.repository.DeliveryAttemptEntity;
import io.cordon.notification.repository.DeliveryChannel;
import io.cordon.notification.repository.DeliveryEntity;
import io.cordon.notification.repository.NoticeEntity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Notices, deliveries and attempts into their API view. */
public final class NoticeMapper {

  private NoticeMapper() {}

  /**
   * @param deliveries the notice's deliveries
   * @param attempts attempts by delivery id
   */
  public static NoticeView view(
      NoticeEntity notice,
      List<DeliveryEntity> deliveries,
      Map<UUID, List<DeliveryAttemptEntity>> attempts) {
    return new NoticeView(
        notice.id,
        notice.webhookId,
        new NoticeView.Incident(notice.incidentId, notice.incidentTitle, notice.incidentSeverity),
        notice.notificationId,
        new NoticeView.Partner(notice.partnerId, notice.partnerName),
        notice.sequence,
        notice.followUpOf,
        notice.tlp.label(),
        notice.disclosure.name().toLowerCase(Locale.ROOT),
        notice.createdAt,
        deliveries.stream().map(d -> delivery(d, attempts.getOrDefault(d.id, List.of()))).toList());
  }

  private static NoticeView.Delivery delivery(
      DeliveryEntity delivery, List<DeliveryAttemptEntity> attempts) {
    return new NoticeView.Delivery(
        delivery.id,
        delivery.channel.eventName(),
        delivery.channel == DeliveryChannel.EMAIL ? delivery.recipient : null,
        delivery.status.name(),
        delivery.attempts,
        delivery.nextAttemptAt,
        delivery.deliveredAt,
        delivery.finishedAt,
        delivery.finalReason,
        delivery.redeliveredAt,
        delivery.redeliveredBy,
        attempts.stream().map(NoticeMapper::attempt).toList());
  }

  private static NoticeView.Attempt attempt(DeliveryAttemptEntity attempt) {
    return new NoticeView.Attempt(
        attempt.number,
        attempt.target,
        attempt.startedAt,
        attempt.latencyMs,
        attempt.outcome.name(),
        attempt.statusCode,
        attempt.error,
        attempt.nextAttemptAt);
  }
}
