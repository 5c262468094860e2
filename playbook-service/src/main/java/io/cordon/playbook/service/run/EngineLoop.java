package io.cordon.playbook.service.run;

import io.cordon.commons.worker.PollingWorkers;
import io.cordon.playbook.config.EngineConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The engine's worker thread: dispatches due executions right after a commit made some due and
 * every poll interval; once a poll interval it also handles timed-out attempts and expired
 * approvals. Its own thread rather than {@code @Scheduled}, whose simple scheduler cannot poll
 * faster than once a second. Work another instance holds is skipped (SKIP LOCKED), so any number of
 * instances poll the same database.
 */
@ApplicationScoped
public class EngineLoop {
  // a dispatch in flight commits rather than being repeated, unless it takes longer than this
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  @Inject Dispatcher dispatcher;
  @Inject TimeoutService timeouts;
  @Inject EngineConfig config;

  private volatile PollingWorkers worker;

  void onStart(@Observes StartupEvent event) {
    if (config.pollerEnabled()) {
      // the timers are queries on the hot path: once a poll interval, never on a commit's wake-up
      worker =
          new PollingWorkers("cordon-engine", 1, config.pollInterval(), this::dispatchBatch)
              .everyPollInterval(this::expireOverdue);
      worker.start();
    }
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkDue due) {
    PollingWorkers started = worker;
    if (config.dispatchOnCommit() && started != null) {
      started.wakeUp();
    }
  }

  /** A full batch means more may be waiting. */
  private boolean dispatchBatch() {
    int batch = config.dispatchBatchSize();
    return dispatcher.dispatchDue(batch) == batch;
  }

  private void expireOverdue() {
    timeouts.runsWithTimedOutAttempts().forEach(timeouts::expireAttempts);
    timeouts.runsWithExpiredApprovals().forEach(timeouts::expireApprovals);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (worker != null) {
      worker.stopGracefully(STOP_GRACE);
    }
  }
}
