package io.cordon.contracts.kafka;

import io.cordon.contracts.json.EventJson;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one event type from JSON; a malformed record fails with {@link
 * io.cordon.contracts.EventFormatException}. Kafka config names the no-arg subclasses, e.g. {@link
 * CompromiseReportedDeserializer}.
 */
public class JsonEventDeserializer<T> implements Deserializer<T> {

  private final Class<T> type;

  public JsonEventDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return data == null ? null : EventJson.read(data, type);
  }
}
