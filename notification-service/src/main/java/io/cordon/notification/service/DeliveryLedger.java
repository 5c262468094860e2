package io.cordon.notification.service;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.notification.config.NotificationConfig;
import io.cordon.notification.mapping.NoticeDocuments;
import io.cordon.notification.mapping.NoticeMail;
import io.cordon.notification.repository.AttemptOutcome;
import io.cordon.notification.repository.DeliveryAttemptEntity;
import io.cordon.notification.repository.DeliveryAttemptRepository;
import io.cordon.notification.repository.DeliveryEntity;
import io.cordon.notification.repository.DeliveryRepository;
import io.cordon.notification.repository.DeliveryStatus;
import io.cordon.notification.repository.NoticeEntity;
import io.cordon.notification.repository.NoticeRepository;
import io.cordon.notification.repository.PartnerEntity;
import io.cordon.notification.repository.PartnerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The delivery state machine in PostgreSQL, one short transaction per step: claim due deliveries,
 * read what an attempt needs, record what it came to. Network traffic happens between these
 * transactions, never inside one.
 */
@ApplicationScoped
public class DeliveryLedger {
  private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);
  private static final int MAX_REASON_LENGTH = 1000;

  @Inject DeliveryRepository deliveries;
  @Inject DeliveryAttemptRepository attempts;
  @Inject NoticeRepository notices;
  @Inject PartnerRepository partners;
  @Inject WebhookSecrets secrets;
  @Inject DeliveryResults results;
  @Inject RetryPolicy retryPolicy;
  @Inject NotificationConfig config;
  @Inject Audit audit;
  @Inject MeterRegistry meters;

  /**
   * Claims up to {@code limit} due deliveries: each gets a fresh claim token and is hidden for the
   * claim lease. Should this instance die mid-attempt, the lease runs out and any instance takes
   * the delivery over, attempt count and schedule step intact.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<DeliveryClaim> claimDue(int limit) {
    Instant now = Instant.now();
    List<DeliveryClaim> claims = new ArrayList<>();
    for (DeliveryEntity delivery : deliveries.lockDue(now, limit)) {
      delivery.claimToken = UUID.randomUUID();
      delivery.nextAttemptAt = now.plus(config.delivery().claimLease());
      delivery.updatedAt = now;
      claims.add(new DeliveryClaim(delivery.id, delivery.claimToken));
    }
    return claims;
  }

  /**
   * What the claimed attempt has to send, or empty when there is nothing to send: the claim was
   * lost, or the delivery cannot go out any more (partner deleted, channel gone, endpoint disabled)
   * and was finished here.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<DeliveryJob> prepare(DeliveryClaim claim) {
    DeliveryEntity delivery = deliveries.lock(claim.deliveryId()).orElse(null);
    if (delivery == null
        || delivery.status != DeliveryStatus.PENDING
        || !claim.token().equals(delivery.claimToken)) {
      return Optional.empty();
    }
    NoticeEntity notice = notices.findById(delivery.noticeId);
    PartnerEntity partner = partners.findById(notice.partnerId);
    if (partner == null) {
      finish(delivery, notice, DeliveryStatus.FAILED, "the partner was deleted");
      return Optional.empty();
    }
    return switch (delivery.channel) {
      case WEBHOOK -> webhookJob(claim, delivery, notice, partner);
      case EMAIL -> emailJob(claim, delivery, notice, partner);
    };
  }

  private Optional<DeliveryJob> webhookJob(
      DeliveryClaim claim, DeliveryEntity delivery, NoticeEntity notice, PartnerEntity partner) {
    if (partner.webhookUrl == null) {
      finish(delivery, notice, DeliveryStatus.FAILED, "the partner has no webhook any more");
      return Optional.empty();
    }
    if (partner.webhookDisabledAt != null) {
      finish(
          delivery,
          notice,
          DeliveryStatus.DISABLED,
          "webhook endpoint disabled since "
              + partner.webhookDisabledAt
              + ": "
              + partner.webhookDisabledReason);
      return Optional.empty();
    }
    List<byte[]> keys = secrets.open(partner);
    if (keys.isEmpty()) {
      finish(delivery, notice, DeliveryStatus.FAILED, "the partner has no webhook secret");
      return Optional.empty();
    }
    return Optional.of(
        new DeliveryJob.Webhook(
            claim, partner.webhookUrl.strip(), notice.webhookId, notice.body, keys));
  }

  private Optional<DeliveryJob> emailJob(
      DeliveryClaim claim, DeliveryEntity delivery, NoticeEntity notice, PartnerEntity partner) {
    // an address taken off the partner's contacts since the notice was made gets nothing more
    Optional<String> contact =
        partner.contacts.stream().filter(c -> c.equalsIgnoreCase(delivery.recipient)).findFirst();
    if (contact.isEmpty()) {
      finish(delivery, notice, DeliveryStatus.FAILED, "no longer one of the partner's contacts");
      return Optional.empty();
    }
    NoticeMail.Rendered mail = NoticeMail.render(NoticeDocuments.read(notice.body));
    return Optional.of(
        new DeliveryJob.Email(claim, contact.get(), mail.subject(), mail.text(), notice.webhookId));
  }

  /**
   * Records an attempt and moves the delivery on. An attempt made under a claim that has since
   * passed to another instance is still recorded; only a success may then change the delivery's
   * state, since whatever the other instance is doing can at most deliver it once more.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(DeliveryClaim claim, String target, AttemptReport report) {
    DeliveryEntity delivery = deliveries.lock(claim.deliveryId()).orElse(null);
    if (delivery == null) {
      return;
    }
    meters
        .counter(
            "cordon.notices.deliveries",
            "channel",
            delivery.channel.name().toLowerCase(java.util.Locale.ROOT),
            "outcome",
            report.outcome().name())
        .increment();
    Instant now = Instant.now();
    delivery.attempts++;
    delivery.updatedAt = now;
    DeliveryAttemptEntity attempt = attempt(delivery, target, report);
    boolean pending = delivery.status == DeliveryStatus.PENDING;
    boolean stillOurs = pending && claim.token().equals(delivery.claimToken);
    boolean delivered = report.outcome() == AttemptOutcome.DELIVERED;
    if (!stillOurs && !(pending && delivered)) {
      attempts.persist(attempt);
      LOG.infof(
          "Delivery %s: attempt %d (%s) finished after its claim passed on",
          delivery.id, attempt.number, report.outcome());
      auditAttempt(delivery, attempt, notices.findById(delivery.noticeId));
      return;
    }
    NoticeEntity notice = notices.findById(delivery.noticeId);
    delivery.claimToken = null;
    switch (report.outcome()) {
      case DELIVERED -> {
        delivery.status = DeliveryStatus.DELIVERED;
        delivery.deliveredAt = now;
        delivery.finishedAt = now;
        delivery.nextAttemptAt = null;
        delivery.finalReason = null;
        results.delivered(delivery, notice);
        LOG.infof(
            "Delivery %s of notice %s (%s) delivered after %d attempt(s)",
            delivery.id, notice.id, delivery.channel, delivery.attempts);
      }
      case PERMANENT ->
          finish(delivery, notice, DeliveryStatus.FAILED, "refused: " + report.describe());
      case GONE -> {
        disableEndpoint(notice, target, now);
        finish(
            delivery,
            notice,
            DeliveryStatus.DISABLED,
            "the endpoint answered 410 Gone; the partner's webhook is disabled");
      }
      case RETRYABLE, BLOCKED -> {
        delivery.scheduleStep++;
        Optional<Duration> delay =
            retryPolicy.nextDelay(delivery.scheduleStep, report.retryAfter());
        if (delay.isPresent()) {
          delivery.nextAttemptAt = now.plus(delay.get());
          attempt.nextAttemptAt = delivery.nextAttemptAt;
        } else {
          finish(
              delivery,
              notice,
              DeliveryStatus.FAILED,
              "gave up after "
                  + delivery.scheduleStep
                  + " attempt(s) on schedule; last: "
                  + report.describe());
        }
      }
    }
    attempts.persist(attempt);
    auditAttempt(delivery, attempt, notice);
  }

  /** One entry per attempt; the target is left out (a webhook URL may carry a token). */
  private void auditAttempt(
      DeliveryEntity delivery, DeliveryAttemptEntity attempt, NoticeEntity notice) {
    audit.record(
        AuditEntry.of(AuditKind.DELIVERY, "delivery.attempted", notice.partnerId.toString())
            .withIncident(notice.incidentId)
            .withChange(
                null,
                java.util.Map.of(
                    "notice", notice.id.toString(),
                    "delivery", delivery.id.toString(),
                    "channel", delivery.channel.name(),
                    "attempt", attempt.number,
                    "status", delivery.status.name(),
                    "httpStatus", String.valueOf(attempt.statusCode)))
            .withResult(attempt.outcome.name(), delivery.finalReason)
            .withCorrelation(notice.requestEventId));
  }

  private DeliveryAttemptEntity attempt(
      DeliveryEntity delivery, String target, AttemptReport report) {
    DeliveryAttemptEntity attempt = new DeliveryAttemptEntity();
    attempt.deliveryId = delivery.id;
    attempt.number = delivery.attempts;
    attempt.target = target;
    attempt.startedAt = report.startedAt();
    attempt.latencyMs = report.latencyMs();
    attempt.outcome = report.outcome();
    attempt.statusCode = report.statusCode();
    attempt.error = shorten(report.error());
    return attempt;
  }

  /** 410 Gone: no more webhooks to this partner until someone re-enables the endpoint. */
  private void disableEndpoint(NoticeEntity notice, String target, Instant now) {
    PartnerEntity partner = partners.findById(notice.partnerId);
    if (partner == null || partner.webhookDisabledAt != null) {
      return;
    }
    partner.webhookDisabledAt = now;
    partner.webhookDisabledReason =
        shorten("answered 410 Gone to notice " + notice.webhookId + " at " + target);
    LOG.warnf(
        "Partner %s: webhook endpoint disabled, it answered 410 Gone (notice %s)",
        partner.id, notice.id);
  }

  private void finish(
      DeliveryEntity delivery, NoticeEntity notice, DeliveryStatus status, String reason) {
    Instant now = Instant.now();
    delivery.status = status;
    delivery.finalReason = shorten(reason);
    delivery.finishedAt = now;
    delivery.nextAttemptAt = null;
    delivery.claimToken = null;
    delivery.updatedAt = now;
    results.failed(delivery, notice);
    LOG.warnf(
        "Delivery %s of notice %s (%s) %s after %d attempt(s): %s",
        delivery.id,
        notice.id,
        delivery.channel,
        status == DeliveryStatus.DISABLED ? "not sent" : "failed",
        delivery.attempts,
        delivery.finalReason);
  }

  private static String shorten(String text) {
    if (text == null || text.length() <= MAX_REASON_LENGTH) {
      return text;
    }
    return text.substring(0, MAX_REASON_LENGTH);
  }
}
