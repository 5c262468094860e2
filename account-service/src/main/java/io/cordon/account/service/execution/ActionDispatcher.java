package io.cordon.account.service.execution;

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
 * 20 to a {@code $batch}, confirmCompromised and dismiss many users to a call, and the actions that
 * make their own calls as far as {@link OwnCallActions} has room for them.
 */
@ApplicationScoped
public class ActionDispatcher {
  private static final Logger LOG = Logger.getLogger(ActionDispatcher.class);
  static final Set<ActionType> CONFIRM = EnumSet.of(ActionType.CONFIRM_COMPROMISED);
  static final Set<ActionType> DISMISS = EnumSet.of(ActionType.DISMISS_RISK);
  static final Set<ActionType> IN_BATCHES = inBatches();

  @Inject ExecutorConfig config;
  @Inject ActionLedger ledger;
  @Inject BatchExecutor batchExecutor;
  @Inject ClaimLeases leases;
  @Inject OwnCallActions ownCalls;

  private volatile boolean paused;
  private volatile long lastReleaseNanos;
  private PollingWorkers workers;
  private PollingWorkers identityProtectionWorkers;

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    workers =
        new PollingWorkers(
            "cordon-action-dispatcher", config.workers(), config.idlePoll(), this::dispatchPerUser);
    // threads of their own: a call waiting for Identity Protection's one call per second never
    // holds a thread that a revoke or a reset could be sent on meanwhile
    identityProtectionWorkers =
        new PollingWorkers(
            "cordon-identity-protection",
            config.workers(),
            config.idlePoll(),
            this::dispatchIdentityProtection);
    workers.start();
    identityProtectionWorkers.start();
  }

  void stop(@Observes ShutdownEvent event) {
    if (workers != null) {
      workers.stop();
      identityProtectionWorkers.stop();
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
      identityProtectionWorkers.wakeUp();
    }
  }

  /** One round of per-user work ({@code $batch} of up to 20); false when nothing was due. */
  boolean dispatchPerUser() throws InterruptedException {
    if (paused) {
      return false;
    }
    releaseAbandonedClaims();
    List<ActionLedgerEntity> batched = claim(workers, IN_BATCHES, GraphBatchClient.MAX_BATCH_SIZE);
    executePerUser(batched);
    // only as many as can start now: a clean-up claimed while the pool is busy would wait in hand
    int room = Math.min(ownCalls.room(), GraphBatchClient.MAX_BATCH_SIZE);
    List<ActionLedgerEntity> own =
        room == 0 ? List.of() : claim(workers, OwnCallActions.ACTIONS, room);
    executePerUser(own);
    return !batched.isEmpty() || !own.isEmpty();
  }

  private void executePerUser(List<ActionLedgerEntity> rows) throws InterruptedException {
    if (!rows.isEmpty()) {
      try {
        batchExecutor.execute(rows);
      } finally {
        leases.letGo(rows);
      }
    }
  }

  private static Set<ActionType> inBatches() {
    Set<ActionType> actions = EnumSet.allOf(ActionType.class);
    actions.removeAll(CONFIRM);
    actions.removeAll(DISMISS);
    actions.removeAll(OwnCallActions.ACTIONS);
    return actions;
  }

  /** One round of confirmCompromised and dismiss calls; false when nothing was due. */
  boolean dispatchIdentityProtection() throws InterruptedException {
    if (paused) {
      return false;
    }
    releaseAbandonedClaims();
    boolean confirmed = identityProtection(CONFIRM);
    boolean dismissed = identityProtection(DISMISS);
    return confirmed || dismissed;
  }

  private boolean identityProtection(Set<ActionType> action) throws InterruptedException {
    List<ActionLedgerEntity> rows =
        claim(identityProtectionWorkers, action, config.confirmCompromisedPerCall());
    if (rows.isEmpty()) {
      return false;
    }
    try {
      batchExecutor.confirmCompromised(rows);
    } finally {
      leases.letGo(rows);
    }
    return true;
  }

  private List<ActionLedgerEntity> claim(
      PollingWorkers claimers, Set<ActionType> actions, int limit) {
    ActionLedger.Claim claim =
        ledger.claim(actions, limit, config.batchLinger(), leases.now(), leases.lease());
    if (!claim.lookAgainIn().isZero()) {
      // a partial batch waits for company only as long as the linger, and a retry or a put-off
      // action only until it is due, not until the next idle poll
      claimers.wakeUpAfter(claim.lookAgainIn());
    }
    List<ActionLedgerEntity> rows = claim.rows();
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
