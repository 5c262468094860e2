package io.cordon.contracts.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationResultsEvent;
import io.cordon.contracts.json.EventJson;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads every event type of {@code cordon.notification-results}; tells them apart by their
 * timestamp field so it does not depend on CloudEvents headers being present.
 */
public class NotificationResultsEventDeserializer
    implements Deserializer<NotificationResultsEvent> {

  private static final String TYPE = "NotificationResultsEvent";

  @Override
  public NotificationResultsEvent deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    JsonNode tree = EventJson.readTree(data, TYPE);
    if (tree.hasNonNull("openedAt")) {
      return EventJson.read(data, NoticesOpened.class);
    }
    if (tree.hasNonNull("deliveredAt")) {
      return EventJson.read(data, NotificationDelivered.class);
    }
    if (tree.hasNonNull("failedAt")) {
      return EventJson.read(data, NotificationFailed.class);
    }
    throw EventFormatException.unreadable(
        TYPE,
        "none of 'openedAt' (NoticesOpened), 'deliveredAt' (NotificationDelivered) or 'failedAt'"
            + " (NotificationFailed) present",
        null);
  }
}
