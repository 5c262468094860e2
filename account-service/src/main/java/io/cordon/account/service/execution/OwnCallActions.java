package io.cordon.account.service.execution;

import io.cordon.account.config.ExecutorConfig;
import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.service.recovery.TemporaryAccessPassExecutor;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.ActionType;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the actions that make their own Graph calls (list-then-remove clean-ups, Temporary Access
 * Passes) on a pool of their own, each recorded as soon as it is done. They wait out refused reads
 * in place: run on the claiming workers one after another, a storm's waits added up across whole
 * claims (a 100-account run took 20 times as long in a storm as without one), and revokes claimed
 * after them waited too. Claimed only while the pool has room, so nothing queues with a claim held.
 */
@ApplicationScoped
public class OwnCallActions {
  private static final Logger LOG = Logger.getLogger(OwnCallActions.class);

  public static final Set<ActionType> ACTIONS = ownCallActions();

  @Inject ExecutorConfig config;
  @Inject CleanupExecutor cleanup;
  @Inject TemporaryAccessPassExecutor passes;
  @Inject ActionLedger ledger;
  @Inject ClaimLeases leases;
  @Inject ActionCompletionService completion;
  @Inject ActionDispatcher dispatcher;

  private ExecutorService pool;
  private Semaphore slots;

  /** How many more such actions may be claimed now. */
  public int room() {
    return slots().availablePermits();
  }

  /**
   * Hands the rows to the pool (waiting for a free slot when another worker took the room
   * meanwhile) and returns; each row's claim is kept alive until its verdict is recorded.
   */
  public void start(List<ActionLedgerEntity> rows) throws InterruptedException {
    for (ActionLedgerEntity row : rows) {
      slots().acquire();
      leases.hold(List.of(row));
      try {
        pool().execute(Context.current().wrap(() -> run(row)));
      } catch (RejectedExecutionException shuttingDown) {
        leases.letGo(List.of(row));
        slots().release();
        return;
      }
    }
  }

  private void run(ActionLedgerEntity row) {
    try {
      completion.apply(Map.of(row, executeOne(row)), Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the claim runs out and the action is taken over, as when its executor dies
      LOG.warnf("Action %s failed without a verdict: %s", row.actionId, e.toString());
    } finally {
      leases.letGo(List.of(row));
      slots().release();
      if (room() == 1) {
        // the pool was full: clean-ups due meanwhile were left unclaimed, claim them now
        dispatcher.wakeUp();
      }
    }
  }

  private Verdict executeOne(ActionLedgerEntity row) throws InterruptedException {
    // the claim time is the earliest moment this row's calls can have taken effect at Graph
    ledger.restampClaims(List.of(row), leases.now());
    return ActionType.ISSUE_TEMPORARY_ACCESS_PASS.name().equals(row.action)
        ? passes.execute(row)
        : cleanup.execute(row);
  }

  private synchronized Semaphore slots() {
    if (slots == null) {
      slots = new Semaphore(config.ownCallWorkers());
    }
    return slots;
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      AtomicInteger count = new AtomicInteger();
      pool =
          Executors.newFixedThreadPool(
              config.ownCallWorkers(),
              task -> {
                Thread thread = new Thread(task, "cordon-own-calls-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
    }
    return pool;
  }

  synchronized void stop(@Observes ShutdownEvent event) {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static Set<ActionType> ownCallActions() {
    Set<ActionType> actions = EnumSet.copyOf(CleanupExecutor.ACTIONS);
    actions.add(ActionType.ISSUE_TEMPORARY_ACCESS_PASS);
    return actions;
  }
}
