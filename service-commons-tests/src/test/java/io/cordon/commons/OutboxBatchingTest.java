package io.cordon.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.commons.inbox.ProcessedEvents;
import io.cordon.commons.outbox.Outbox;
import io.cordon.contracts.events.RemediationEvent;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Outbox rows of one transaction are inserted together at flush and processed-event marks of a
 * polled batch in one statement; neither may change what is published, in which order, or how often
 * a redelivery counts.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class OutboxBatchingTest {
  private static final String TOPIC = "commons-test.outbox-batching";
  private static final int EVENTS = 250;

  @Inject Outbox outbox;
  @Inject ProcessedEvents processedEvents;

  @Test
  void manyEventsOfOneTransactionAreStoredAndRelayedInPublishOrder() throws SQLException {
    String key = "run-" + UUID.randomUUID();
    List<String> published = new ArrayList<>();
    // as in a deployment the topic exists before the burst
    // (EmbeddedKafkaBroker#createContractTopics)
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.createTopics(TOPIC);
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                IntStream.range(0, EVENTS)
                    .forEach(
                        i -> {
                          RemediationEvent event = event(key, i);
                          outbox.publish(TOPIC, key, event);
                          published.add(event.eventId());
                        }));

    // the table's order (seq) is the publish order
    assertThat(eventIdsBySeq(key)).containsExactlyElementsOf(published);
    // and so is the order on the key's partition
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      List<String> relayed =
          kafka
              .awaitMatching(
                  TOPIC,
                  r -> published.get(published.size() - 1).equals(header(r)),
                  Duration.ofSeconds(30))
              .stream()
              .filter(r -> key.equals(r.key()))
              .map(OutboxBatchingTest::header)
              .toList();
      assertThat(relayed).containsExactlyElementsOf(published);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> OutboxTest.count(unpublishedOf(key)) == 0);
  }

  @Test
  void aBatchOfMarksCountsEachEventOnceAcrossBatchesAndWithinOne() {
    String consumer = "commons-test.batch-marks";
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    String c = UUID.randomUUID().toString();

    Set<String> first =
        QuarkusTransaction.requiringNew()
            .call(() -> processedEvents.firstDeliveries(consumer, List.of(a, b, a)));
    Set<String> redelivered =
        QuarkusTransaction.requiringNew()
            .call(() -> processedEvents.firstDeliveries(consumer, List.of(b, c, a)));
    Set<String> empty =
        QuarkusTransaction.requiringNew()
            .call(() -> processedEvents.firstDeliveries(consumer, List.of()));

    assertThat(first).containsExactlyInAnyOrder(a, b);
    assertThat(redelivered).containsExactly(c);
    assertThat(empty).isEmpty();
    // a single mark sees the batch's marks
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> processedEvents.firstDelivery(consumer, c)))
        .isFalse();
  }

  private static RemediationEvent event(String key, int i) {
    return new RemediationEvent(
        RemediationEvent.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        key,
        "incident-batching",
        "WIDGET_CREATED",
        null,
        null,
        null,
        null,
        "event " + i,
        Instant.now());
  }

  private static String header(ConsumerRecord<String, String> record) {
    return OutboxTest.header(record, "ce_id");
  }

  private static String unpublishedOf(String key) {
    return "select count(*) from outbox_message where published_at is null and message_key = '"
        + key
        + "'";
  }

  private static List<String> eventIdsBySeq(String key) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select event_id from outbox_message where message_key = ? order by seq")) {
      query.setString(1, key);
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }
}
