package io.cordon.notification.service;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.OpenedNotice;
import io.cordon.notification.mapping.NoticeDocuments;
import io.cordon.notification.mapping.PartnerExposure;
import io.cordon.notification.mapping.PartnerMatch;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns a notification request into notices (DESIGN §7): one per affected partner and incident,
 * then follow-ups pointing at the first; each with its deliveries due now. Partners the incident
 * does not touch get nothing.
 */
@ApplicationScoped
public class NoticeService {
  private static final Logger LOG = Logger.getLogger(NoticeService.class);
  private static final String WEBHOOK_RECIPIENT = "";

  @Inject PartnerRepository partners;
  @Inject NoticeRepository notices;
  @Inject DeliveryRepository deliveries;
  @Inject RetryPolicy retryPolicy;
  @Inject Event<DeliveriesDue> deliveriesDue;
  @Inject Audit audit;
  @Inject DeliveryResults results;

  /**
   * Runs in the consumer's transaction, so notices and the processed-event mark commit together.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<NoticeEntity> open(NotificationRequested request) {
    IncidentFacts facts = IncidentFacts.of(request);
    List<PartnerEntity> candidates =
        new ArrayList<>(partners.candidates(facts.groupKeys(), facts.domains(), facts.tagKeys()));
    candidates.sort(Comparator.comparing(p -> p.nameKey));
    Instant now = Instant.now();
    List<NoticeEntity> opened = new ArrayList<>();
    List<OpenedNotice> channels = new ArrayList<>();
    for (PartnerEntity partner : candidates) {
      PartnerScopes scopes = PartnerScopes.of(partner);
      // a partner limited to tenants sees the request as if only their accounts were in it
      Optional<NotificationRequested> seen = TenantLimit.of(request, scopes.tenants());
      if (seen.isEmpty()) {
        continue;
      }
      Optional<PartnerMatch> match =
          ScopeMatcher.match(scopes, seen.get() == request ? facts : IncidentFacts.of(seen.get()));
      if (match.isEmpty() || notices.exists(partner.id, request.notificationId())) {
        continue;
      }
      List<NoticeEntity> earlier =
          notices.forPartnerAndIncident(partner.id, request.incident().id());
      NoticeEntity last = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
      NoticeNews news = news(seen.get(), match.get());
      if (news.isNewsAfter(last)) {
        opened.add(openNotice(seen.get(), partner, match.get(), earlier, news, now));
        channels.addAll(channelsOf(partner));
      } else {
        recordUnchanged(request, partner, last);
      }
    }
    if (!opened.isEmpty()) {
      deliveriesDue.fire(new DeliveriesDue());
    }
    // in the same transaction as the notices: whoever waits for their outcomes learns how many
    // there will be exactly once, also when there are none
    results.opened(request, channels, now);
    LOG.infof(
        "Incident %s, notification %s: %d notice(s) for %d candidate partner(s)",
        request.incident().id(), request.notificationId(), opened.size(), candidates.size());
    return opened;
  }

  private static NoticeNews news(NotificationRequested request, PartnerMatch match) {
    return new NoticeNews(
        AccountDigests.of(match.accounts()),
        PartnerExposure.of(match.accounts(), request.affectedAccounts()).status());
  }

  private void recordUnchanged(
      NotificationRequested request, PartnerEntity partner, NoticeEntity last) {
    audit.record(
        AuditEntry.of(AuditKind.NOTICE, "notice.unchanged", partner.id.toString())
            .withIncident(request.incident().id())
            .withChange(
                null,
                java.util.Map.of(
                    "notification", request.notificationId(),
                    "lastNotice", last.id.toString(),
                    "partner", partner.name))
            .withResult("NOT_SENT", "nothing new for the partner since its last notice"));
    LOG.infof(
        "Incident %s, notification %s: nothing new for partner %s since notice %s",
        request.incident().id(), request.notificationId(), partner.id, last.id);
  }

  private NoticeEntity openNotice(
      NotificationRequested request,
      PartnerEntity partner,
      PartnerMatch match,
      List<NoticeEntity> earlier,
      NoticeNews news,
      Instant now) {
    NoticeEntity last = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
    NoticeEntity notice = new NoticeEntity();
    notice.id = UUID.randomUUID();
    notice.partnerId = partner.id;
    notice.partnerName = partner.name;
    notice.incidentId = request.incident().id();
    notice.incidentTitle = request.incident().title();
    notice.incidentSeverity = request.incident().severity();
    notice.notificationId = request.notificationId();
    notice.requestEventId = request.eventId();
    notice.sequence = earlier.isEmpty() ? 1 : earlier.get(earlier.size() - 1).sequence + 1;
    notice.followUpOf = earlier.isEmpty() ? null : earlier.get(0).id;
    notice.webhookId = webhookId(notice.id);
    notice.disclosure = partner.disclosure;
    notice.tlp = partner.tlp;
    notice.createdAt = now;
    notice.exposureStatus = news.exposureStatus();
    notice.accountDigests = news.accountsKnownAfter(last);
    notice.body =
        NoticeDocuments.write(
            NoticeDocuments.build(
                notice.id,
                notice.sequence,
                notice.followUpOf,
                now,
                request,
                new NoticeDocuments.Recipient(
                    partner.id, partner.name, partner.disclosure, partner.tlp),
                match));
    notices.persist(notice);
    if (partner.webhookUrl != null) {
      // made even while the endpoint is disabled, so the failure is on record and redeliverable
      deliveries.persist(delivery(notice, DeliveryChannel.WEBHOOK, WEBHOOK_RECIPIENT, now));
    }
    for (String contact : partner.contacts) {
      deliveries.persist(delivery(notice, DeliveryChannel.EMAIL, contact, now));
    }
    audit.record(
        AuditEntry.of(AuditKind.NOTICE, "notice.opened", partner.id.toString())
            .withIncident(notice.incidentId)
            .withChange(
                null,
                java.util.Map.of(
                    "notice", notice.id.toString(),
                    "partner", partner.name,
                    "sequence", notice.sequence,
                    "disclosure", String.valueOf(notice.disclosure),
                    "tlp", String.valueOf(notice.tlp),
                    "webhook", partner.webhookUrl != null,
                    "emails", partner.contacts.size()))
            .withResult("OPENED", null));
    LOG.infof(
        "Notice %s for partner %s about incident %s (%s)",
        notice.id,
        partner.id,
        notice.incidentId,
        notice.sequence == 1 ? "first" : "follow-up " + (notice.sequence - 1));
    return notice;
  }

  // one per partner and channel, as the result events count them: email once for all contacts
  private static List<OpenedNotice> channelsOf(PartnerEntity partner) {
    List<OpenedNotice> channels = new ArrayList<>();
    if (partner.webhookUrl != null) {
      channels.add(
          new OpenedNotice(
              partner.id.toString(), partner.name, DeliveryChannel.WEBHOOK.eventName()));
    }
    if (!partner.contacts.isEmpty()) {
      channels.add(
          new OpenedNotice(partner.id.toString(), partner.name, DeliveryChannel.EMAIL.eventName()));
    }
    return channels;
  }

  private DeliveryEntity delivery(
      NoticeEntity notice, DeliveryChannel channel, String recipient, Instant now) {
    DeliveryEntity delivery = new DeliveryEntity();
    delivery.id = UUID.randomUUID();
    delivery.noticeId = notice.id;
    delivery.channel = channel;
    delivery.recipient = recipient;
    delivery.status = DeliveryStatus.PENDING;
    delivery.nextAttemptAt = now.plus(retryPolicy.firstDelay());
    delivery.createdAt = now;
    delivery.updatedAt = now;
    return delivery;
  }

  /** Standard Webhooks style message id; stable for the notice, so receivers can dedupe on it. */
  static String webhookId(UUID noticeId) {
    return "msg_" + noticeId.toString().replace("-", "");
  }
}
