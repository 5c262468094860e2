package io.cordon.contracts.kafka;

import io.cordon.contracts.events.ActionCompleted;

public class ActionCompletedDeserializer extends JsonEventDeserializer<ActionCompleted> {

  public ActionCompletedDeserializer() {
    super(ActionCompleted.class);
  }
}
