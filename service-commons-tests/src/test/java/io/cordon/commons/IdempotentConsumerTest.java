package io.cordon.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.commons.testapp.WidgetService;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class IdempotentConsumerTest {

  @Test
  void redeliveredEventChangesStateOnce() throws SQLException {
    String incident = "incident-" + UUID.randomUUID();
    String markerId = UUID.randomUUID().toString();
    String duplicated = event(UUID.randomUUID().toString(), incident);
    String marker = event(markerId, incident);

    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      // same key, same partition: the marker is consumed after both copies
      kafka.send(WidgetService.TOPIC, "same-key", duplicated);
      kafka.send(WidgetService.TOPIC, "same-key", duplicated);
      kafka.send(WidgetService.TOPIC, "same-key", marker);
    }

    // the marker comes after both copies on the same partition, so once it counts, both did
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                OutboxTest.count(
                        "select count(*) from processed_event where event_id = '" + markerId + "'")
                    == 1);
    assertThat(applied(incident)).isEqualTo(2);
  }

  private static long applied(String incident) throws SQLException {
    return OutboxTest.count(
        "select coalesce(max(count), 0) from widget_counter where name = '" + incident + "'");
  }

  private static String event(String eventId, String incident) {
    return "{\"schemaVersion\":1,\"eventId\":\""
        + eventId
        + "\",\"runId\":\"r-2\",\"incidentId\":\""
        + incident
        + "\",\"kind\":\"WIDGET_CREATED\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
  }
}
