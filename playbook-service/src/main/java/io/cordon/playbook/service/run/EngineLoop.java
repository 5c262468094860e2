package io.cordon.playbook.service.run;

import io.cordon.playbook.config.EngineConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The engine's timer: on every poll it dispatches due executions, then handles timed-out attempts
 * and expired approvals. Its own thread rather than {@code @Scheduled}, whose simple scheduler
 * cannot poll faster than once a second. Work another instance holds is skipped (SKIP LOCKED), so
 * any number of instances poll the same database.
 */
@ApplicationScoped
public class EngineLoop {
  private static final Logger LOG = Logger.getLogger(EngineLoop.class);

  @Inject Dispatcher dispatcher;
  @Inject TimeoutService timeouts;
  @Inject EngineConfig config;

  private final AtomicBoolean dispatchRequested = new AtomicBoolean();
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "cordon-engine");
            thread.setDaemon(true);
            return thread;
          });

  void onStart(@Observes StartupEvent event) {
    if (config.pollerEnabled()) {
      long interval = config.pollInterval().toMillis();
      worker.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.MILLISECONDS);
    }
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkDue due) {
    if (config.pollerEnabled()
        && config.dispatchOnCommit()
        && dispatchRequested.compareAndSet(false, true)) {
      try {
        worker.execute(this::dispatchAll);
      } catch (RuntimeException shuttingDown) {
        dispatchRequested.set(false);
      }
    }
  }

  private void poll() {
    dispatchAll();
    try {
      timeouts.runsWithTimedOutAttempts().forEach(timeouts::expireAttempts);
      timeouts.runsWithExpiredApprovals().forEach(timeouts::expireApprovals);
    } catch (RuntimeException e) {
      LOG.warnf("Engine timers failed, retrying on the next poll: %s", e.toString());
    }
  }

  /** Dispatches until nothing is due; a full batch means more may be waiting. */
  void dispatchAll() {
    dispatchRequested.set(false);
    try {
      int batch = config.dispatchBatchSize();
      while (dispatcher.dispatchDue(batch) == batch) {
        // keep going
      }
    } catch (RuntimeException e) {
      LOG.warnf("Dispatch failed, retrying on the next poll: %s", e.toString());
    }
  }

  // finish the transaction in flight rather than interrupt it; either way nothing is lost, this
  // way nothing is even repeated
  void onStop(@Observes ShutdownEvent event) {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.shutdownNow();
    }
  }
}
