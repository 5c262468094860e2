package io.cordon.account.service;

import io.cordon.account.config.ExecutorConfig;
import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.service.recovery.TemporaryAccessPassExecutor;
import io.cordon.contracts.ActionType;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the claimed actions that make their own Graph calls (list-then-remove clean-ups, Temporary
 * Access Passes) side by side on a bounded pool. Each waits out refused reads in place; run one
 * after another on the claiming worker, a storm's waits added up across the whole claim (a
 * 100-account run took 20 times as long in a storm as without one).
 */
@ApplicationScoped
public class OwnCallActions {
  @Inject ExecutorConfig config;
  @Inject CleanupExecutor cleanup;
  @Inject TemporaryAccessPassExecutor passes;
  @Inject ActionLedger ledger;
  @Inject ClaimLeases leases;
  @Inject ActionCompletionService completion;

  private ExecutorService pool;

  /**
   * Runs the rows side by side and records each verdict as soon as it is reached (those reached
   * together in one transaction), so that a quick clean-up never waits for a slow one. When a row
   * failed with an exception the others are still recorded, then the first failure is thrown: that
   * row's claim runs out and it is taken over, as before.
   */
  public void execute(List<ActionLedgerEntity> rows) throws InterruptedException {
    if (rows.size() == 1) {
      completion.apply(Map.of(rows.get(0), executeOne(rows.get(0))), Map.of());
      return;
    }
    CompletionService<Settled> settling = new ExecutorCompletionService<>(pool());
    List<Future<Settled>> running = new ArrayList<>();
    try {
      for (ActionLedgerEntity row : rows) {
        running.add(
            settling.submit(Context.current().wrap(() -> new Settled(row, executeOne(row)))));
      }
      RuntimeException failure = null;
      int settled = 0;
      while (settled < rows.size()) {
        Map<ActionLedgerEntity, Verdict> ready = new LinkedHashMap<>();
        for (Future<Settled> done = settling.take(); done != null; done = settling.poll()) {
          settled++;
          try {
            ready.put(done.get().row(), done.get().verdict());
          } catch (ExecutionException e) {
            failure = failure != null ? failure : asRuntime(e.getCause());
          }
        }
        if (!ready.isEmpty()) {
          completion.apply(ready, Map.of());
        }
      }
      if (failure != null) {
        throw failure;
      }
    } catch (InterruptedException e) {
      running.forEach(future -> future.cancel(true));
      throw e;
    }
  }

  private record Settled(ActionLedgerEntity row, Verdict verdict) {}

  private Verdict executeOne(ActionLedgerEntity row) throws InterruptedException {
    // the claim time is the earliest moment this row's calls can have taken effect at Graph
    ledger.restampClaims(List.of(row), leases.now());
    return ActionType.ISSUE_TEMPORARY_ACCESS_PASS.name().equals(row.action)
        ? passes.execute(row)
        : cleanup.execute(row);
  }

  private static RuntimeException asRuntime(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
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
}
