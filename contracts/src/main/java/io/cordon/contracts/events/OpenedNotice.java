package io.cordon.contracts.events;

/**
 * One partner and channel a notification request opened a notice on; its outcome comes later as a
 * {@link NotificationResult} of the same partner and channel.
 *
 * @param partnerName the partner's name when the notice was opened, for people reading a run
 * @param channel {@link NotificationResult#WEBHOOK} or {@link NotificationResult#EMAIL}; however
 *     many contacts a partner has, email counts once
 */
public record OpenedNotice(String partnerId, String partnerName, String channel) {
  private static final String TYPE = "OpenedNotice";

  public OpenedNotice {
    Check.text(partnerId, TYPE, "partnerId");
    Check.text(partnerName, TYPE, "partnerName");
    Check.text(channel, TYPE, "channel");
  }
}
