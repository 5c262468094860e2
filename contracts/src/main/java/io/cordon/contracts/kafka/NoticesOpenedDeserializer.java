package io.cordon.contracts.kafka;

import io.cordon.contracts.events.NoticesOpened;

public class NoticesOpenedDeserializer extends JsonEventDeserializer<NoticesOpened> {

  public NoticesOpenedDeserializer() {
    super(NoticesOpened.class);
  }
}
