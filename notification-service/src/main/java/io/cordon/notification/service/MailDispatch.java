package io.cordon.notification.service;

import io.cordon.notification.client.MailAnswer;
import io.cordon.notification.client.PartnerMailer;
import io.cordon.notification.repository.AttemptOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** One e-mail attempt: an SMTP 5xx refusal is permanent, anything else is worth retrying. */
@ApplicationScoped
public class MailDispatch {
  @Inject PartnerMailer mailer;

  public AttemptReport send(DeliveryJob.Email job) {
    Instant started = Instant.now();
    MailAnswer answer =
        mailer.send(
            job.to(),
            job.subject(),
            job.text(),
            Map.of(
                "X-Cordon-Notice-Id",
                job.webhookId(),
                // RFC 3834: tells auto-responders not to answer an automated notice
                "Auto-Submitted",
                "auto-generated"));
    if (answer.accepted()) {
      return new AttemptReport(
          started, answer.latencyMs(), AttemptOutcome.DELIVERED, null, null, null);
    }
    return new AttemptReport(
        started,
        answer.latencyMs(),
        answer.permanent() ? AttemptOutcome.PERMANENT : AttemptOutcome.RETRYABLE,
        answer.replyCode(),
        answer.error(),
        null);
  }
}
