package io.cordon.commons.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class ResilientConsumptionTest {
  @Inject ResilientConsumption consumption;
  @Inject ProcessedEvents processedEvents;
  @Inject ParkedEvents parkedEvents;
  @Inject MeterRegistry meters;

  @Test
  void aTransientFailureIsRetriedInPlaceUntilItPassesLongerThanAPermanentOneWouldBe() {
    String consumer = consumer();
    String eventId = UUID.randomUUID().toString();
    AtomicInteger attempts = new AtomicInteger();
    consumption.consume(
        consumer,
        eventId,
        payload -> {
          // the mark is written before the failure: a retry must not find it committed
          processedEvents.firstDelivery(consumer, payload);
          if (attempts.incrementAndGet() <= 5) {
            throw new PersistenceException(new SQLException("connection refused", "08001"));
          }
        });

    assertThat(attempts).hasValue(6);
    assertThat(marks(consumer)).isEqualTo(1);
    assertThat(parkedEvents.count(consumer)).isZero();
    assertThat(meters.counter("cordon.inbox.retries", "consumer", consumer, "failure", "transient"))
        .extracting(counter -> counter.count())
        .isEqualTo(5.0);
  }

  @Test
  void aBadMessageInABatchIsParkedAfterItsAttemptsAndTheOthersCommit() {
    String consumer = consumer();
    AtomicInteger batchAttempts = new AtomicInteger();
    AtomicInteger poisonAttempts = new AtomicInteger();
    consumption.consumeBatch(
        consumer,
        List.of("good-1", "poison", "good-2"),
        batch -> {
          if (batch.size() > 1) {
            batchAttempts.incrementAndGet();
          }
          for (String payload : batch) {
            processedEvents.firstDelivery(consumer, payload);
            if (payload.equals("poison")) {
              poisonAttempts.incrementAndGet();
              throw new IllegalStateException("cannot apply poison");
            }
          }
        });

    assertThat(batchAttempts).hasValue(3);
    assertThat(poisonAttempts).hasValue(3 + 3);
    assertThat(marks(consumer)).isEqualTo(2);
    assertThat(parkedEvents.count(consumer)).isEqualTo(1);
    assertThat(parkedReason(consumer)).contains("IllegalStateException: cannot apply poison");
    assertThat(meters.counter("cordon.inbox.parked", "consumer", consumer).count()).isEqualTo(1.0);
  }

  @Test
  void aPermanentFailureOfOneMessageIsNotRetriedBeyondItsAttempts() {
    String consumer = consumer();
    AtomicInteger attempts = new AtomicInteger();
    consumption.consume(
        consumer,
        "broken",
        payload -> {
          attempts.incrementAndGet();
          throw new PersistenceException(new SQLException("duplicate key", "23505"));
        });

    assertThat(attempts).hasValue(3);
    assertThat(parkedEvents.count(consumer)).isEqualTo(1);
  }

  private static String consumer() {
    return "test-" + UUID.randomUUID();
  }

  private static long marks(String consumer) {
    try (var connection = EmbeddedPostgresResource.dataSource().getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select count(*) from processed_event where consumer = '" + consumer + "'")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String parkedReason(String consumer) {
    try (var connection = EmbeddedPostgresResource.dataSource().getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select reason from parked_event where consumer = '" + consumer + "'")) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
