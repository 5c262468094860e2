package io.cordon.notification.repository;

import io.cordon.contracts.events.NotificationResult;

/** How a notice travels to a partner. */
public enum DeliveryChannel {
  /** One delivery per notice, to the partner's webhook URL of the moment. */
  WEBHOOK(NotificationResult.WEBHOOK),
  /** One delivery per notice and contact address. */
  EMAIL(NotificationResult.EMAIL);

  private final String eventName;

  DeliveryChannel(String eventName) {
    this.eventName = eventName;
  }

  /** The spelling of the result events. */
  public String eventName() {
    return eventName;
  }
}
