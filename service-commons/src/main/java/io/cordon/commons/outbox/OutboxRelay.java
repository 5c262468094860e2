package io.cordon.commons.outbox;

import io.cordon.commons.worker.PollingWorkers;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Drains the outbox on one worker thread: right after a commit (low latency) and every poll
 * interval (rows left by a crash, or by another instance that died). One thread keeps per-key order
 * within an instance.
 */
@ApplicationScoped
public class OutboxRelay {
  @Inject OutboxBatchRelay batchRelay;
  @Inject OutboxConfig config;

  private volatile PollingWorkers worker;

  void onStart(@Observes StartupEvent event) {
    worker = new PollingWorkers("cordon-outbox-relay", 1, config.pollInterval(), this::relayBatch);
    worker.start();
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
    PollingWorkers started = worker;
    if (config.relayOnCommit() && started != null) {
      started.wakeUp();
    }
  }

  /** A full batch means more may be waiting. */
  private boolean relayBatch() {
    return batchRelay.relayNextBatch() == config.batchSize();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (worker != null) {
      worker.stop();
    }
  }
}
