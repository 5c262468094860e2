package io.cordon.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.SampleEvents;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.CordonEvent;
import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationResultsEvent;
import io.cordon.contracts.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one Kafka deserializer of the contracts: {@code cordon.notification-results}' three kinds.
 */
class KafkaSerdeTest {

  static Stream<CordonEvent> events() {
    return SampleEvents.all().stream();
  }

  /**
   * Every event type as it would arrive on the results topic: the two results are read back as
   * their own kind, any other event is refused rather than read as one of them.
   */
  @ParameterizedTest
  @MethodSource("events")
  void readsEachResultAsItsKindAndRefusesEveryOtherEvent(CordonEvent event) throws Exception {
    // Kafka instantiates value.deserializer by class name through its no-arg constructor
    @SuppressWarnings("unchecked")
    Deserializer<NotificationResultsEvent> deserializer =
        Utils.newInstance(NotificationResultsEventDeserializer.class.getName(), Deserializer.class);
    deserializer.configure(Map.of(), false);
    byte[] bytes = EventJson.writeBytes(event);

    if (event instanceof NotificationResultsEvent) {
      assertThat(deserializer.deserialize(Topics.NOTIFICATION_RESULTS, new RecordHeaders(), bytes))
          .isEqualTo(event);
    } else {
      assertThatThrownBy(
              () ->
                  deserializer.deserialize(Topics.NOTIFICATION_RESULTS, new RecordHeaders(), bytes))
          .isInstanceOf(EventFormatException.class)
          .hasMessageStartingWith("NotificationResultsEvent: none of 'openedAt'");
    }
    deserializer.close();
  }

  @Test
  void passesTombstonesThroughAsNull() {
    assertThat(
            new NotificationResultsEventDeserializer()
                .deserialize(Topics.NOTIFICATION_RESULTS, null))
        .isNull();
  }

  @Test
  void failsOnAMalformedRecordWithTheEventTypeInTheMessage() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                new NotificationResultsEventDeserializer()
                    .deserialize(Topics.NOTIFICATION_RESULTS, garbage))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("NotificationResultsEvent: malformed JSON");
  }

  @Test
  void tellsOpenedDeliveredAndFailedApartOnTheSharedResultsTopic() {
    NotificationResultsEventDeserializer deserializer = new NotificationResultsEventDeserializer();
    NoticesOpened opened = SampleEvents.noticesOpened();
    NotificationDelivered delivered = SampleEvents.notificationDelivered();
    NotificationFailed failed = SampleEvents.notificationFailed();

    assertThat(deserializer.deserialize(Topics.NOTIFICATION_RESULTS, EventJson.writeBytes(opened)))
        .isEqualTo(opened);

    NotificationResultsEvent first =
        deserializer.deserialize(Topics.NOTIFICATION_RESULTS, EventJson.writeBytes(delivered));
    NotificationResultsEvent second =
        deserializer.deserialize(Topics.NOTIFICATION_RESULTS, EventJson.writeBytes(failed));

    assertThat(first).isEqualTo(delivered);
    assertThat(second).isEqualTo(failed);
  }

  @Test
  void aNullDeliveredAtDoesNotMakeAFailureADelivery() {
    NotificationFailed failed = SampleEvents.notificationFailed();
    ObjectNode json = EventJson.newObjectMapper().valueToTree(failed);
    json.putNull("deliveredAt");

    assertThat(
            new NotificationResultsEventDeserializer()
                .deserialize(
                    Topics.NOTIFICATION_RESULTS, json.toString().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(failed);
  }

  @Test
  void refusesAResultOfNoKnownKind() {
    byte[] json = "{\"schemaVersion\":1,\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                new NotificationResultsEventDeserializer()
                    .deserialize(Topics.NOTIFICATION_RESULTS, json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("NotificationResultsEvent: none of 'openedAt'");
  }
}
