package io.cordon.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cordon.commons.testapp.WidgetService;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class OutboxTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static KafkaTestClient kafka;

  @Inject WidgetService widgets;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.forEmbeddedBroker();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void committedEventIsSentWithCloudEventHeaders() {
    String eventId = widgets.create("committed", false);

    ConsumerRecord<String, String> record = awaitEvent(eventId);

    assertThat(header(record, "ce_type")).isEqualTo("cordon.remediation-event.v1");
    assertThat(header(record, "ce_source")).isEqualTo("urn:cordon:commons-test");
    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(record.value()).contains("\"eventId\":\"" + eventId + "\"");
    await().atMost(WAIT).until(() -> publishedAt(eventId) != null);
  }

  @Test
  void eventOfRolledBackTransactionIsNeverSent() throws SQLException {
    assertThatThrownBy(() -> widgets.create("rolled-back", true))
        .isInstanceOf(IllegalStateException.class);
    String markerId = widgets.create("marker-after-rollback", false);

    List<ConsumerRecord<String, String>> seen =
        kafka.awaitMatching(WidgetService.TOPIC, r -> markerId.equals(header(r, "ce_id")), WAIT);

    assertThat(seen).noneMatch(r -> r.value().contains("rolled-back"));
    assertThat(count("select count(*) from outbox_message where payload like '%rolled-back%'"))
        .isZero();
    assertThat(count("select count(*) from widget where name = 'rolled-back'")).isZero();
  }

  @Test
  void rowCommittedByAProcessThatDiedBeforeRelayingIsSentLater() throws SQLException {
    // the state a crash leaves: the row committed, the relay never ran; this process plays the
    // restarted service whose poller must find and send it
    String eventId = UUID.randomUUID().toString();
    String payload =
        "{\"schemaVersion\":1,\"eventId\":\""
            + eventId
            + "\",\"runId\":\"r-1\",\"incidentId\":\"i-1\",\"kind\":\"WIDGET_CREATED\","
            + "\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into outbox_message (event_id, event_type, topic, message_key, payload)"
                    + " values (?, 'cordon.remediation-event.v1', ?, 'r-1', ?)")) {
      insert.setString(1, eventId);
      insert.setString(2, WidgetService.TOPIC);
      insert.setString(3, payload);
      insert.executeUpdate();
    }

    ConsumerRecord<String, String> record = awaitEvent(eventId);

    assertThat(record.key()).isEqualTo("r-1");
    await().atMost(WAIT).until(() -> publishedAt(eventId) != null);
  }

  private ConsumerRecord<String, String> awaitEvent(String eventId) {
    List<ConsumerRecord<String, String>> seen =
        kafka.awaitMatching(WidgetService.TOPIC, r -> eventId.equals(header(r, "ce_id")), WAIT);
    return seen.stream().filter(r -> eventId.equals(header(r, "ce_id"))).findFirst().orElseThrow();
  }

  static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static long count(String sql) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static java.sql.Timestamp publishedAt(String eventId) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select published_at from outbox_message where event_id = ?")) {
      query.setString(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getTimestamp(1) : null;
      }
    }
  }
}
