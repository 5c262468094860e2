package io.cordon.account.service;

import io.cordon.account.config.GraphConfig;
import io.cordon.account.repository.GraphBudgetStore;
import io.cordon.account.repository.GraphBudgetStore.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Entra's identity limits per app per tenant as token buckets: resource units per 10 s (by tenant
 * size), writes per 150 s, Identity Protection per second. A bucket holds a burst of part of its
 * window and refills so that no sliding window can exceed the documented limit.
 */
@ApplicationScoped
public class GraphBudget {
  static final String RESOURCE_UNITS = "resource-units";
  static final String WRITES = "writes";
  static final String IDENTITY_PROTECTION = "identity-protection";

  @Inject GraphConfig config;
  @Inject GraphBudgetStore store;
  @Inject MeterRegistry meters;

  /** Blocks until the budget allows a batch with these costs; returns the time spent waiting. */
  public Duration acquire(String tenant, int resourceUnits, int writes, int identityProtection)
      throws InterruptedException {
    List<Bucket> buckets = buckets();
    double[] amounts = {resourceUnits, writes, identityProtection};
    long started = System.nanoTime();
    Duration wait;
    while (!(wait = store.tryTake(tenant, buckets, amounts)).isZero()) {
      Thread.sleep(Math.max(5, wait.toMillis()));
    }
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    Timer.builder("cordon.graph.budget.wait")
        .description("Time a Graph batch waited for the tenant's throttling budget")
        .register(meters)
        .record(waited);
    return waited;
  }

  List<Bucket> buckets() {
    GraphConfig.Budget budget = config.budget();
    double scale = budget.scale();
    return List.of(
        bucket(RESOURCE_UNITS, config.tenantSize().resourceUnitsPer10s() * scale, 10),
        bucket(WRITES, budget.writesPer150s() * scale, 150),
        bucket(IDENTITY_PROTECTION, budget.identityProtectionPerSecond() * scale, 1));
  }

  private Bucket bucket(String name, double perWindow, double documentedWindowSeconds) {
    double windowSeconds = documentedWindowSeconds * config.budget().windowScale();
    double burst = Math.max(1, perWindow * config.budget().burstFraction());
    double refill = perWindow - burst;
    // windows too small to split (1 request per second) run a little under the rate instead
    double perSecond = refill > 0 ? refill / windowSeconds : 0.9 * perWindow / windowSeconds;
    return new Bucket(name, burst, perSecond);
  }
}
