package io.cordon.notification.client;

/**
 * What the SMTP server made of a mail.
 *
 * @param replyCode the SMTP reply code of a refusal, when there was one
 * @param permanent the server refused for good (5xx); false for 4xx and for no answer
 */
public record MailAnswer(
    boolean accepted, Integer replyCode, boolean permanent, String error, long latencyMs) {

  public static MailAnswer accepted(long latencyMs) {
    return new MailAnswer(true, null, false, null, latencyMs);
  }

  public static MailAnswer refused(
      Integer replyCode, boolean permanent, String error, long latencyMs) {
    return new MailAnswer(false, replyCode, permanent, error, latencyMs);
  }
}
