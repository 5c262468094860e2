package io.cordon.notification.client;

import io.cordon.notification.config.NotificationConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * Sends partner e-mail through the configured SMTP server ({@code quarkus.mailer.*}), waiting at
 * most the delivery timeout. Like the webhook client it reports and never retries.
 */
@ApplicationScoped
public class PartnerMailer {
  private static final int MAX_ERROR_LENGTH = 300;

  @Inject ReactiveMailer mailer;
  @Inject NotificationConfig config;

  public MailAnswer send(String to, String subject, String text, Map<String, String> headers) {
    Mail mail = Mail.withText(to, subject, text);
    headers.forEach(mail::addHeader);
    Duration timeout = config.delivery().timeout();
    long started = System.nanoTime();
    try {
      mailer.send(mail).await().atMost(timeout);
      return MailAnswer.accepted(elapsed(started));
    } catch (io.smallrye.mutiny.TimeoutException e) {
      return MailAnswer.refused(
          null, false, "no answer from the SMTP server within " + timeout, elapsed(started));
    } catch (RuntimeException e) {
      SMTPException smtp = smtpCause(e);
      if (smtp != null) {
        return MailAnswer.refused(
            smtp.getReplyCode(), smtp.isPermanent(), describe(smtp), elapsed(started));
      }
      return MailAnswer.refused(null, false, describe(rootCause(e)), elapsed(started));
    }
  }

  private static SMTPException smtpCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SMTPException smtp) {
        return smtp;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    String text =
        failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }
}
