package io.cordon.commons.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox lag as gauges: how many rows wait to be relayed and how old the oldest is. Sampled on a
 * timer rather than at scrape time, so a scrape never waits on the database.
 */
@ApplicationScoped
public class OutboxLag {
  @Inject EntityManager entityManager;
  @Inject MeterRegistry meters;

  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestAgeSeconds = new AtomicLong();

  void register(@Observes StartupEvent startup) {
    Gauge.builder("cordon.outbox.pending", pending, AtomicLong::get)
        .description("Outbox rows not yet relayed to Kafka")
        .register(meters);
    Gauge.builder("cordon.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
        .description("Age of the oldest outbox row not yet relayed (0 when none)")
        .baseUnit("seconds")
        .register(meters);
  }

  @Scheduled(
      every = "${cordon.outbox.lag-interval:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  public void sample() {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select count(*), extract(epoch from min(created_at)) from outbox_message"
                        + " where published_at is null")
                .getSingleResult();
    pending.set(((Number) row[0]).longValue());
    long oldestEpochSecond = row[1] == null ? Long.MAX_VALUE : ((Number) row[1]).longValue();
    oldestAgeSeconds.set(Math.max(0, Instant.now().getEpochSecond() - oldestEpochSecond));
  }
}
