package io.cordon.commons.inbox;

import io.cordon.commons.failure.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs a Kafka consumer's work in a transaction of its own and retries it in place, so a database
 * outage pauses the channel instead of stopping it for good (SmallRye's default on a nack).
 * Transient failures are retried as long as they last, with capped exponential backoff; any other
 * failure a few times, after which a batch is split so one bad message cannot hold back the rest,
 * and a single message that still fails is parked with its reason. The work must be idempotent
 * (processed-event marks or the action ledger): a retry repeats what a rolled-back attempt did.
 */
@ApplicationScoped
public class ResilientConsumption {
  private static final Logger LOG = Logger.getLogger(ResilientConsumption.class);
  private static final int LOG_EVERY = 10;

  @Inject ConsumerRetryConfig config;
  @Inject ParkedEvents parkedEvents;
  @Inject MeterRegistry meters;

  private volatile boolean stopping;

  void onStop(@Observes ShutdownEvent shutdown) {
    stopping = true;
  }

  /** One message, processed in its own transaction. */
  public void consume(String consumer, String payload, Consumer<String> work) {
    consumeBatch(consumer, List.of(payload), batch -> work.accept(batch.get(0)));
  }

  /** A polled batch, processed in one transaction while that works, one by one when it does not. */
  public void consumeBatch(String consumer, List<String> payloads, Consumer<List<String>> work) {
    try {
      runWithRetries(consumer, () -> work.accept(payloads));
    } catch (PermanentFailure batchFailure) {
      if (payloads.size() == 1) {
        park(consumer, payloads.get(0), batchFailure.getCause());
        return;
      }
      LOG.warnf(
          "%s: a batch of %d failed permanently, taking its messages one at a time",
          consumer, payloads.size());
      for (String payload : payloads) {
        try {
          runWithRetries(consumer, () -> work.accept(List.of(payload)));
        } catch (PermanentFailure failure) {
          park(consumer, payload, failure.getCause());
        }
      }
    }
  }

  private void runWithRetries(String consumer, Runnable work) throws PermanentFailure {
    Duration backoff = config.initialBackoff();
    int permanentFailures = 0;
    for (int attempt = 1; ; attempt++) {
      try {
        QuarkusTransaction.requiringNew().run(work);
        return;
      } catch (RuntimeException failure) {
        boolean transientFailure = TransientFailures.isTransient(failure);
        if (!transientFailure && ++permanentFailures >= config.permanentAttempts()) {
          throw new PermanentFailure(failure);
        }
        meters
            .counter(
                "cordon.inbox.retries",
                "consumer",
                consumer,
                "failure",
                transientFailure ? "transient" : "permanent")
            .increment();
        if (attempt == 1 || attempt % LOG_EVERY == 0) {
          LOG.warnf("%s: attempt %d failed, retrying in place: %s", consumer, attempt, failure);
        }
        pause(consumer, backoff);
        backoff = min(backoff.multipliedBy(2), config.maxBackoff());
      }
    }
  }

  private void park(String consumer, String payload, Throwable failure) {
    LOG.errorf(
        failure, "%s: parked a message after %d attempts", consumer, config.permanentAttempts());
    parkedEvents.park(consumer, payload, failure);
    meters.counter("cordon.inbox.parked", "consumer", consumer).increment();
  }

  private void pause(String consumer, Duration backoff) {
    if (stopping) {
      // the offset stays uncommitted: the message comes back after the restart
      throw new IllegalStateException(consumer + ": shutting down while retrying");
    }
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(consumer + ": interrupted while retrying", e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The work failed the same way on every attempt allowed. */
  private static final class PermanentFailure extends Exception {
    PermanentFailure(Throwable cause) {
      super(cause);
    }
  }
}
