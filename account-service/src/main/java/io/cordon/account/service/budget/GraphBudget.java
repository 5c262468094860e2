package io.cordon.account.service.budget;

import io.cordon.account.config.GraphConfig;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.repository.GraphBudgetStore;
import io.cordon.account.repository.GraphBudgetStore.Attempt;
import io.cordon.account.repository.GraphBudgetStore.Window;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Entra's identity limits per app per tenant as sliding windows, as Entra counts them: resource
 * units per 10 s (by tenant size), writes per 150 s, Identity Protection per second. A window's
 * whole budget may be spent at once; what was spent ages out one window after it was answered.
 */
@ApplicationScoped
public class GraphBudget {
  static final String RESOURCE_UNITS = "resource-units";
  static final String WRITES = "writes";
  static final String IDENTITY_PROTECTION = "identity-protection";

  @Inject GraphConfig config;
  @Inject TenantRegistry tenants;
  @Inject GraphBudgetStore store;
  @Inject MeterRegistry meters;

  /**
   * Blocks until the tenant's budget allows a request with these costs. Close the result when the
   * answer is in (try-with-resources around the call). Each tenant spends from its own rows (keyed
   * by its directory id); a worker holding several tenants' actions puts off those of a tenant
   * without room ({@link #waitFor}) rather than wait here with the others' in hand.
   */
  public BudgetSpend acquire(
      GraphTenant tenant, int resourceUnits, int writes, int identityProtection)
      throws InterruptedException {
    List<Window> windows = windows(tenant.size());
    double[] amounts = {resourceUnits, writes, identityProtection};
    long started = System.nanoTime();
    Attempt attempt;
    while (!(attempt = store.trySpend(tenant.tenantId(), windows, amounts)).taken()) {
      Thread.sleep(Math.max(5, attempt.retryAfter().toMillis()));
    }
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    Timer.builder("cordon.graph.budget.wait")
        .description("Time a Graph batch waited for the tenant's throttling budget")
        .tag("tenant", tenant.name())
        .register(meters)
        .record(waited);
    return new BudgetSpend(store, attempt.spendIds(), waited);
  }

  /**
   * How long until the tenant's budget would allow a request with these costs, spending nothing
   * (zero: now). Lets a worker holding several tenants' actions put off one tenant's instead of
   * waiting for it with the others' in hand.
   */
  public Duration waitFor(
      GraphTenant tenant, int resourceUnits, int writes, int identityProtection) {
    return store.waitFor(
        tenant.tenantId(),
        windows(tenant.size()),
        new double[] {resourceUnits, writes, identityProtection});
  }

  /** The budget of the tenant with this directory id (the primary tenant's for an unknown id). */
  public BudgetSpend acquire(String tenantId, int resourceUnits, int writes, int identityProtection)
      throws InterruptedException {
    return acquire(tenants.forTenantId(tenantId), resourceUnits, writes, identityProtection);
  }

  List<Window> windows(GraphConfig.TenantSize size) {
    GraphConfig.Budget budget = config.budget();
    double scale = budget.scale();
    return List.of(
        window(RESOURCE_UNITS, size.resourceUnitsPer10s() * scale, 10),
        window(WRITES, budget.writesPer150s() * scale, 150),
        window(IDENTITY_PROTECTION, budget.identityProtectionPerSecond() * scale, 1));
  }

  private Window window(String name, double limit, double documentedSeconds) {
    long millis = Math.round(documentedSeconds * 1000 * config.budget().windowScale());
    // a limit under one request per window still lets one request through per window
    return new Window(name, Math.max(1, limit), Duration.ofMillis(millis));
  }
}
