package io.cordon.contracts.kafka;

import io.cordon.contracts.json.EventJson;
import org.apache.kafka.common.serialization.Serializer;

/** Writes any Cordon event as JSON; usable as {@code value.serializer} for every topic. */
public class JsonEventSerializer<T> implements Serializer<T> {

  @Override
  public byte[] serialize(String topic, T event) {
    // null stays null so tombstones pass through
    return event == null ? null : EventJson.writeBytes(event);
  }
}
