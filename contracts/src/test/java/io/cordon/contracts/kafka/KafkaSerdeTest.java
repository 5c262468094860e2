package io.cordon.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.SampleEvents;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.CordonEvent;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationResult;
import io.cordon.contracts.events.NotificationResultsEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaSerdeTest {

  static Stream<CordonEvent> events() {
    return SampleEvents.all().stream();
  }

  @ParameterizedTest
  @MethodSource("events")
  void roundTripsThroughDeserializersNamedInConfig(CordonEvent event) throws Exception {
    // Kafka instantiates value.deserializer by class name through its no-arg constructor
    String className =
        "io.cordon.contracts.kafka." + event.getClass().getSimpleName() + "Deserializer";
    Serializer<Object> serializer =
        Utils.newInstance(JsonEventSerializer.class.getName(), Serializer.class);
    Deserializer<?> deserializer = Utils.newInstance(className, Deserializer.class);
    serializer.configure(Map.of(), false);
    deserializer.configure(Map.of(), false);

    byte[] bytes = serializer.serialize("topic", event);
    Object read = deserializer.deserialize("topic", new RecordHeaders(), bytes);

    assertThat(read).isEqualTo(event);
    serializer.close();
    deserializer.close();
  }

  @Test
  void passesTombstonesThroughAsNull() {
    assertThat(new JsonEventSerializer<>().serialize(Topics.ACCOUNT_ACTIONS, null)).isNull();
    assertThat(new ActionCompletedDeserializer().deserialize(Topics.ACCOUNT_ACTION_RESULTS, null))
        .isNull();
  }

  @Test
  void failsOnAMalformedRecordWithTheEventTypeInTheMessage() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                new ActionCompletedDeserializer()
                    .deserialize(Topics.ACCOUNT_ACTION_RESULTS, garbage))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("ActionCompleted: malformed JSON");
  }

  @Test
  void takesAnyTargetTypeInTheGenericDeserializer() {
    ActionCompleted event = SampleEvents.actionCompleted();
    byte[] bytes = new JsonEventSerializer<ActionCompleted>().serialize("t", event);

    assertThat(new JsonEventDeserializer<>(ActionCompleted.class).deserialize("t", bytes))
        .isEqualTo(event);
  }

  @Test
  void tellsDeliveredFromFailedOnTheSharedResultsTopic() throws Exception {
    JsonEventSerializer<NotificationResult> serializer = new JsonEventSerializer<>();
    Deserializer<NotificationResult> deserializer =
        Utils.newInstance(NotificationResultDeserializer.class.getName(), Deserializer.class);
    NotificationDelivered delivered = SampleEvents.notificationDelivered();
    NotificationFailed failed = SampleEvents.notificationFailed();

    NotificationResult first =
        deserializer.deserialize(
            Topics.NOTIFICATION_RESULTS,
            serializer.serialize(Topics.NOTIFICATION_RESULTS, delivered));
    NotificationResult second =
        deserializer.deserialize(
            Topics.NOTIFICATION_RESULTS, serializer.serialize(Topics.NOTIFICATION_RESULTS, failed));

    assertThat(first).isEqualTo(delivered);
    assertThat(second).isEqualTo(failed);
  }

  @Test
  void readsEveryKindOfTheResultsTopicIncludingNoticesOpened() throws Exception {
    JsonEventSerializer<NotificationResultsEvent> serializer = new JsonEventSerializer<>();
    Deserializer<NotificationResultsEvent> deserializer =
        Utils.newInstance(NotificationResultsEventDeserializer.class.getName(), Deserializer.class);

    for (NotificationResultsEvent event :
        List.<NotificationResultsEvent>of(
            SampleEvents.noticesOpened(),
            SampleEvents.notificationDelivered(),
            SampleEvents.notificationFailed())) {
      assertThat(
              deserializer.deserialize(
                  Topics.NOTIFICATION_RESULTS,
                  serializer.serialize(Topics.NOTIFICATION_RESULTS, event)))
          .isEqualTo(event);
    }
    byte[] neither = "{\"schemaVersion\":1,\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                new NotificationResultsEventDeserializer()
                    .deserialize(Topics.NOTIFICATION_RESULTS, neither))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("NotificationResultsEvent: none of 'openedAt'");
  }

  @Test
  void refusesANotificationResultOfNeitherKind() {
    byte[] json = "{\"schemaVersion\":1,\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                new NotificationResultDeserializer().deserialize(Topics.NOTIFICATION_RESULTS, json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("NotificationResult: neither 'deliveredAt'");
  }
}
