package io.cordon.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Runs one claimed attempt: read what to send, send it outside any transaction, record it. */
@ApplicationScoped
public class DeliveryWorker {
  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

  @Inject DeliveryLedger ledger;
  @Inject WebhookDispatch webhooks;
  @Inject MailDispatch mail;

  public void attempt(DeliveryClaim claim) {
    Optional<DeliveryJob> prepared = ledger.prepare(claim);
    if (prepared.isEmpty()) {
      return;
    }
    DeliveryJob job = prepared.get();
    AttemptReport report;
    if (job instanceof DeliveryJob.Webhook webhook) {
      report = webhooks.send(webhook);
    } else if (job instanceof DeliveryJob.Email email) {
      report = mail.send(email);
    } else {
      throw new IllegalStateException("unknown delivery job " + job.getClass());
    }
    LOG.debugf(
        "Delivery %s attempt: %s %s in %d ms",
        claim.deliveryId(), report.outcome(), report.describe(), report.latencyMs());
    ledger.record(claim, job.target(), report);
  }
}
