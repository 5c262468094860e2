package io.cordon.account.service;

import io.cordon.account.client.GraphBatchClient;
import io.cordon.account.config.ExecutorConfig;
import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.commons.worker.PollingWorkers;
import io.cordon.contracts.ActionType;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Worker threads that claim due ledger rows and hand them to the batch executor: per-user actions
 * 20 to a {@code $batch}, confirmCompromised and dismiss many users to a call.
 */
@ApplicationScoped
public class ActionDispatcher {
  private static final Logger LOG = Logger.getLogger(ActionDispatcher.class);
  static final Set<ActionType> CONFIRM = EnumSet.of(ActionType.CONFIRM_COMPROMISED);
  static final Set<ActionType> DISMISS = EnumSet.of(ActionType.DISMISS_RISK);
  static final Set<ActionType> PER_USER =
      EnumSet.complementOf(EnumSet.of(ActionType.CONFIRM_COMPROMISED, ActionType.DISMISS_RISK));

  @Inject ExecutorConfig config;
  @Inject ActionLedger ledger;
  @Inject BatchExecutor batchExecutor;
  @Inject ClaimLeases leases;

  // one claimer at a time per instance, so that concurrent workers do not split a batch
  private final Object claimLock = new Object();
  private volatile boolean paused;
  private volatile long lastReleaseNanos;
  private PollingWorkers workers;

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    workers =
        new PollingWorkers(
            "cordon-action-dispatcher", config.workers(), config.idlePoll(), this::dispatchOnce);
    workers.start();
  }

  void stop(@Observes ShutdownEvent event) {
    if (workers != null) {
      workers.stop();
    }
  }

  /** Holds all sending (actions keep queueing in the ledger) until {@link #resume()}. */
  public void pause() {
    paused = true;
  }

  public void resume() {
    paused = false;
    wakeUp();
  }

  /** A new action arrived: stop idling. */
  public void wakeUp() {
    if (workers != null) {
      workers.wakeUp();
    }
  }

  /** One round of work; false when nothing was due. */
  boolean dispatchOnce() throws InterruptedException {
    if (paused) {
      return false;
    }
    releaseAbandonedClaims();
    List<ActionLedgerEntity> confirm = claim(CONFIRM, config.confirmCompromisedPerCall());
    if (!confirm.isEmpty()) {
      try {
        batchExecutor.confirmCompromised(confirm);
      } finally {
        leases.letGo(confirm);
      }
    }
    List<ActionLedgerEntity> dismiss = claim(DISMISS, config.confirmCompromisedPerCall());
    if (!dismiss.isEmpty()) {
      try {
        batchExecutor.confirmCompromised(dismiss);
      } finally {
        leases.letGo(dismiss);
      }
    }
    List<ActionLedgerEntity> perUser = claim(PER_USER, GraphBatchClient.MAX_BATCH_SIZE);
    if (!perUser.isEmpty()) {
      try {
        batchExecutor.execute(perUser);
      } finally {
        leases.letGo(perUser);
      }
    }
    return !confirm.isEmpty() || !dismiss.isEmpty() || !perUser.isEmpty();
  }

  private List<ActionLedgerEntity> claim(Set<ActionType> actions, int limit) {
    List<ActionLedgerEntity> rows =
        ledger.claimDue(actions, limit, config.batchLinger(), leases.now(), leases.lease());
    leases.hold(rows);
    return rows;
  }

  private void releaseAbandonedClaims() {
    long now = System.nanoTime();
    if (now - lastReleaseNanos < leases.heartbeatPeriod().toNanos()) {
      return;
    }
    lastReleaseNanos = now;
    int released = ledger.releaseAbandoned();
    if (released > 0) {
      LOG.infof("Released %d actions claimed by an executor that stopped mid-send", released);
    }
  }
}
