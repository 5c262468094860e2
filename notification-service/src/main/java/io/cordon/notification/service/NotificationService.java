package io.cordon.notification.service;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.notification.mapping.NoticeMapper;
import io.cordon.notification.mapping.NoticeView;
import io.cordon.notification.repository.DeliveryAttemptEntity;
import io.cordon.notification.repository.DeliveryAttemptRepository;
import io.cordon.notification.repository.DeliveryChannel;
import io.cordon.notification.repository.DeliveryEntity;
import io.cordon.notification.repository.DeliveryRepository;
import io.cordon.notification.repository.DeliveryStatus;
import io.cordon.notification.repository.NoticeEntity;
import io.cordon.notification.repository.NoticeRepository;
import io.cordon.notification.repository.PartnerEntity;
import io.cordon.notification.repository.PartnerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Notices as the API shows them, and redelivery on request. */
@ApplicationScoped
public class NotificationService {
  private static final Logger LOG = Logger.getLogger(NotificationService.class);

  @Inject NoticeRepository notices;
  @Inject DeliveryRepository deliveries;
  @Inject DeliveryAttemptRepository attempts;
  @Inject PartnerRepository partners;
  @Inject Event<DeliveriesDue> deliveriesDue;
  @Inject Audit audit;

  /** Notices in the order they were made, optionally of one incident; three queries per page. */
  @Transactional
  public Page<NoticeView> list(String incidentId, PageRequest page) {
    long after = page.after() == null ? 0 : parseCursor(page.after());
    List<NoticeEntity> rows = notices.page(incidentId, after, page.limit() + 1);
    boolean more = rows.size() > page.limit();
    List<NoticeEntity> shown = more ? rows.subList(0, page.limit()) : rows;
    String next = more ? PageRequest.encode(shown.get(shown.size() - 1).seq.toString()) : null;
    return new Page<>(views(shown), next);
  }

  @Transactional
  public NoticeView get(UUID id) {
    return views(List.of(find(id))).get(0);
  }

  /**
   * Makes the notice's failed and disabled deliveries due now, on a fresh schedule, with the same
   * webhook-id and body as before, so a receiver that did get it after all can drop the repeat.
   * Redelivering a webhook that a 410 disabled is a person deciding the endpoint works again: the
   * endpoint is re-enabled.
   */
  @Transactional
  public NoticeView redeliver(UUID id, String actor) {
    NoticeEntity notice = find(id);
    List<DeliveryEntity> reset =
        deliveries.lockOfNotice(id).stream()
            .filter(d -> d.status == DeliveryStatus.FAILED || d.status == DeliveryStatus.DISABLED)
            .toList();
    if (reset.isEmpty()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Notice "
              + id
              + " has no failed or disabled delivery to redeliver; delivered ones stay"
              + " delivered and pending ones are still on their schedule");
    }
    Instant now = Instant.now();
    if (reset.stream().anyMatch(d -> d.channel == DeliveryChannel.WEBHOOK)) {
      reenableWebhook(notice, actor);
    }
    for (DeliveryEntity delivery : reset) {
      delivery.status = DeliveryStatus.PENDING;
      delivery.scheduleStep = 0;
      delivery.nextAttemptAt = now;
      delivery.claimToken = null;
      delivery.finalReason = null;
      delivery.finishedAt = null;
      delivery.redeliveredAt = now;
      delivery.redeliveredBy = actor;
      delivery.updatedAt = now;
    }
    audit.record(
        AuditEntry.of(AuditKind.NOTICE, "notice.redelivered", notice.partnerId.toString())
            .withIncident(notice.incidentId)
            .withChange(null, Map.of("notice", id.toString(), "deliveries", reset.size()))
            .withResult("REDELIVERING", null));
    deliveriesDue.fire(new DeliveriesDue());
    LOG.infof("%s redelivers %d delivery(ies) of notice %s", actor, reset.size(), id);
    return views(List.of(notice)).get(0);
  }

  private void reenableWebhook(NoticeEntity notice, String actor) {
    PartnerEntity partner = partners.findById(notice.partnerId);
    if (partner != null && partner.webhookDisabledAt != null) {
      partner.webhookDisabledAt = null;
      partner.webhookDisabledReason = null;
      LOG.infof(
          "%s re-enabled the webhook endpoint of partner %s by redelivering notice %s",
          actor, partner.id, notice.id);
    }
  }

  private List<NoticeView> views(List<NoticeEntity> shown) {
    List<UUID> noticeIds = shown.stream().map(n -> n.id).toList();
    Map<UUID, List<DeliveryEntity>> byNotice =
        deliveries.ofNotices(noticeIds).stream().collect(Collectors.groupingBy(d -> d.noticeId));
    List<UUID> deliveryIds =
        byNotice.values().stream().flatMap(List::stream).map(d -> d.id).toList();
    Map<UUID, List<DeliveryAttemptEntity>> byDelivery =
        attempts.ofDeliveries(deliveryIds).stream()
            .collect(Collectors.groupingBy(a -> a.deliveryId));
    return shown.stream()
        .map(n -> NoticeMapper.view(n, byNotice.getOrDefault(n.id, List.of()), byDelivery))
        .toList();
  }

  private NoticeEntity find(UUID id) {
    return notices.findByIdOptional(id).orElseThrow(() -> notFound(id));
  }

  public static ProblemException notFound(Object id) {
    return ProblemException.notFound("Notice " + id);
  }

  private static long parseCursor(String after) {
    try {
      return Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("cursor", "not a cursor this API returned");
    }
  }
}
