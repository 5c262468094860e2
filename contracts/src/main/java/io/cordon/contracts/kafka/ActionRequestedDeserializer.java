package io.cordon.contracts.kafka;

import io.cordon.contracts.events.ActionRequested;

public class ActionRequestedDeserializer extends JsonEventDeserializer<ActionRequested> {

  public ActionRequestedDeserializer() {
    super(ActionRequested.class);
  }
}
