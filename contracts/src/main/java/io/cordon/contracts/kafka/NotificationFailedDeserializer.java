package io.cordon.contracts.kafka;

import io.cordon.contracts.events.NotificationFailed;

public class NotificationFailedDeserializer extends JsonEventDeserializer<NotificationFailed> {

  public NotificationFailedDeserializer() {
    super(NotificationFailed.class);
  }
}
