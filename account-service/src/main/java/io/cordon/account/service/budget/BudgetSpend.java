package io.cordon.account.service.budget;

import io.cordon.account.repository.GraphBudgetStore;
import java.time.Duration;
import java.util.List;

/**
 * Budget taken for one Graph request. Closing it once the answer is in dates the spend at the
 * answer, so its window is never shorter than the one Graph counts from its own receipt.
 */
public final class BudgetSpend implements AutoCloseable {
  private final GraphBudgetStore store;
  private final List<Long> spendIds;
  private final Duration waited;

  BudgetSpend(GraphBudgetStore store, List<Long> spendIds, Duration waited) {
    this.store = store;
    this.spendIds = spendIds;
    this.waited = waited;
  }

  /** How long the request waited for the budget. */
  public Duration waited() {
    return waited;
  }

  @Override
  public void close() {
    store.settle(spendIds);
  }
}
