package io.cordon.contracts.kafka;

import io.cordon.contracts.events.RemediationEvent;

public class RemediationEventDeserializer extends JsonEventDeserializer<RemediationEvent> {

  public RemediationEventDeserializer() {
    super(RemediationEvent.class);
  }
}
