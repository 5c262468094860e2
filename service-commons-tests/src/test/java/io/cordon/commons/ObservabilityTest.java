package io.cordon.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.commons.audit.AuditCause;
import io.cordon.commons.outbox.OutboxLag;
import io.cordon.commons.outbox.OutboxMessage;
import io.cordon.commons.testapp.LoggingResource;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Correlation ids in log lines and the outbox lag gauges every service inherits. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class ObservabilityTest {
  @Inject OutboxLag outboxLag;
  @Inject MeterRegistry meters;

  @Test
  void aLogLineOfARequestCarriesItsCorrelationId() {
    List<String> ids =
        captureCorrelationIds(
            LoggingResource.LOGGER,
            () ->
                given()
                    .header("X-Correlation-Id", "abc")
                    .get("/api/test/logging")
                    .then()
                    .statusCode(200)
                    .header("X-Correlation-Id", "abc"));

    assertThat(ids).containsExactly("abc");
  }

  @Test
  void aLogLineOfAnEventsHandlerCarriesTheEventIdAndNothingAfterwards() {
    Logger handlerLog = Logger.getLogger(LoggingResource.LOGGER);
    List<String> ids =
        captureCorrelationIds(
            LoggingResource.LOGGER,
            () -> {
              AuditCause.during("event-42", () -> handlerLog.info("handling an event"));
              handlerLog.info("after the event");
            });

    assertThat(ids).containsExactly("event-42", null);
  }

  @Test
  @TestTransaction
  void outboxLagCountsUnrelayedRowsAndTheOldestAge() {
    // uncommitted, so the relay cannot send it; the sample reads it in the same transaction
    OutboxMessage waiting = new OutboxMessage();
    waiting.eventId = UUID.randomUUID().toString();
    waiting.eventType = "cordon.test.v1";
    waiting.topic = "commons-test.lag";
    waiting.payload = "{}";
    waiting.createdAt = Instant.now().minus(Duration.ofHours(1));
    waiting.persist();
    waiting.flush();

    outboxLag.sample();

    assertThat(meters.get("cordon.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(1);
    assertThat(meters.get("cordon.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(3600);
  }

  private static List<String> captureCorrelationIds(String loggerName, Runnable work) {
    List<String> ids = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            ids.add(((ExtLogRecord) record).getMdc("correlationId"));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(loggerName);
    logger.addHandler(capture);
    try {
      work.run();
    } finally {
      logger.removeHandler(capture);
    }
    return ids;
  }
}
