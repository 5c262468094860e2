package io.cordon.commons.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Drains the outbox on one worker thread: right after a commit (low latency) and on a timer (rows
 * left by a crash, or by another instance that died). One thread keeps per-key order within an
 * instance.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  @Inject OutboxBatchRelay batchRelay;
  @Inject OutboxConfig config;

  private final AtomicBoolean drainRequested = new AtomicBoolean();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "cordon-outbox-relay");
            thread.setDaemon(true);
            return thread;
          });

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
    if (config.relayOnCommit()) {
      requestDrain();
    }
  }

  @Scheduled(
      every = "${cordon.outbox.poll-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    requestDrain();
  }

  public void requestDrain() {
    if (drainRequested.compareAndSet(false, true)) {
      try {
        worker.execute(this::drain);
      } catch (RuntimeException shuttingDown) {
        drainRequested.set(false);
      }
    }
  }

  private void drain() {
    drainRequested.set(false);
    try {
      while (batchRelay.relayNextBatch() == config.batchSize()) {
        // a full batch means more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.warnf("Outbox relay failed, will retry: %s", e.toString());
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    worker.shutdownNow();
  }
}
