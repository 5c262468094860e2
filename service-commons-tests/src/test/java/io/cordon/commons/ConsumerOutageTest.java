package io.cordon.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.commons.testapp.WidgetEventConsumer;
import io.cordon.commons.testapp.WidgetService;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away while a consumer has a message: the channel must pause and carry on once the
 * database is back, without a restart (a nack would stop it for good); a request meanwhile gets a
 * 503 to retry, not a 500. Its own profile, so the connection pool that lived through the outage is
 * not reused by other tests.
 */
@QuarkusTest
@TestProfile(ConsumerOutageTest.OwnApplication.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class ConsumerOutageTest {
  @Inject MeterRegistry meters;

  @Test
  void aConsumerRidesOutADatabaseOutageAndKeepsConsuming() throws Exception {
    String incident = "outage-" + UUID.randomUUID();
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(WidgetService.TOPIC, incident, event(incident));
      awaitApplied(incident, 1);

      EmbeddedPostgresResource.stopServer();
      try {
        // a request that needs the database meanwhile is told to come back, not a server error
        given()
            .auth()
            .oauth2(TestJwt.token("viewer@jaxa.example", TestJwt.VIEWER))
            .get("/api/v1/audit")
            .then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("Retry-After", "5");
        kafka.send(WidgetService.TOPIC, incident, event(incident));
        await().atMost(Duration.ofSeconds(60)).until(this::retriedInPlace);
      } finally {
        EmbeddedPostgresResource.startServer();
      }
      awaitApplied(incident, 2);

      // the channel is still alive: a message sent after the outage is applied too
      kafka.send(WidgetService.TOPIC, incident, event(incident));
      awaitApplied(incident, 3);
    }
    assertThat(parkedMessages()).isZero();
  }

  private boolean retriedInPlace() {
    return meters
            .counter(
                "cordon.inbox.retries",
                "consumer",
                WidgetEventConsumer.CONSUMER,
                "failure",
                "transient")
            .count()
        >= 2;
  }

  private static void awaitApplied(String incident, long expected) {
    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .until(
            () ->
                OutboxTest.count(
                    "select coalesce(max(count), 0) from widget_counter where name = '"
                        + incident
                        + "'"),
            applied -> applied == expected);
  }

  private static long parkedMessages() throws SQLException {
    return OutboxTest.count("select count(*) from parked_event");
  }

  private static String event(String incident) {
    return "{\"schemaVersion\":1,\"eventId\":\""
        + UUID.randomUUID()
        + "\",\"runId\":\"r-outage\",\"incidentId\":\""
        + incident
        + "\",\"kind\":\"WIDGET_CREATED\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
  }

  public static class OwnApplication implements QuarkusTestProfile {}
}
