package io.cordon.contracts.kafka;

import io.cordon.contracts.events.NotificationDelivered;

public class NotificationDeliveredDeserializer
    extends JsonEventDeserializer<NotificationDelivered> {

  public NotificationDeliveredDeserializer() {
    super(NotificationDelivered.class);
  }
}
