package io.cordon.contracts.kafka;

import io.cordon.contracts.events.NotificationRequested;

public class NotificationRequestedDeserializer
    extends JsonEventDeserializer<NotificationRequested> {

  public NotificationRequestedDeserializer() {
    super(NotificationRequested.class);
  }
}
