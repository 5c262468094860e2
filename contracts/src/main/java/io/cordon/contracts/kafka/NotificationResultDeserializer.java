package io.cordon.contracts.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationResult;
import io.cordon.contracts.json.EventJson;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@code cordon.notification-results}, which carries two event types; tells them apart by
 * their timestamp field so it does not depend on CloudEvents headers being present.
 */
public class NotificationResultDeserializer implements Deserializer<NotificationResult> {

  private static final String TYPE = "NotificationResult";

  @Override
  public NotificationResult deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    JsonNode tree = EventJson.readTree(data, TYPE);
    if (tree.hasNonNull("deliveredAt")) {
      return EventJson.read(data, NotificationDelivered.class);
    }
    if (tree.hasNonNull("failedAt")) {
      return EventJson.read(data, NotificationFailed.class);
    }
    throw EventFormatException.unreadable(
        TYPE,
        "neither 'deliveredAt' (NotificationDelivered) nor 'failedAt' (NotificationFailed) present",
        null);
  }
}
