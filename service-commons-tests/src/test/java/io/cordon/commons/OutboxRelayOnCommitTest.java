package io.cordon.commons;

import static org.awaitility.Awaitility.await;

import io.cordon.commons.outbox.Outbox;
import io.cordon.contracts.events.RemediationEvent;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay sends a committed row right away, not at its next poll: here the poll is an hour away,
 * so only the wake-up after the commit can send the event in time.
 */
@QuarkusTest
@TestProfile(OutboxRelayOnCommitTest.HourLongPoll.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class OutboxRelayOnCommitTest {
  private static final String TOPIC = "commons-test.relay-on-commit";

  @Inject Outbox outbox;

  @Test
  void aCommittedEventIsRelayedWithoutWaitingForThePoll() {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.createTopics(TOPIC);
      for (int i = 0; i < 2; i++) {
        String key = "run-" + UUID.randomUUID();
        RemediationEvent event = event(key);
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, key, event));

        // each of the two: the relay idles again after the first one
        kafka.awaitMatching(
            TOPIC,
            r -> event.eventId().equals(OutboxTest.header(r, "ce_id")),
            Duration.ofSeconds(30));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> OutboxTest.count(unpublished(event.eventId())) == 0);
      }
    }
  }

  private static RemediationEvent event(String key) {
    return new RemediationEvent(
        RemediationEvent.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        key,
        "incident-relay-on-commit",
        "WIDGET_CREATED",
        null,
        null,
        null,
        null,
        "relayed on commit",
        Instant.now());
  }

  private static String unpublished(String eventId) {
    return "select count(*) from outbox_message where published_at is null and event_id = '"
        + eventId
        + "'";
  }

  public static class HourLongPoll implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("cordon.outbox.poll-interval", "1h");
    }
  }
}
