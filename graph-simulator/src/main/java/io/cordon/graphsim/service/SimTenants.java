package io.cordon.graphsim.service;

import io.cordon.graphsim.config.SimConfig;
import io.cordon.graphsim.seed.SeedSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Every simulated tenant: the default one ({@code sim.tenant}, {@code sim.auth}, {@code sim.seed})
 * and those under {@code sim.tenants.<name>}. Work on behalf of one tenant runs {@link #within} it;
 * the beans that hold a directory, throttling or faults act on {@link #current()}, the default
 * tenant outside any such scope, so single-tenant callers see what they always saw.
 */
@ApplicationScoped
public class SimTenants {
  public static final String DEFAULT_NAME = "default";

  private static final ThreadLocal<SimTenant> CURRENT = new ThreadLocal<>();

  @Inject SimConfig config;
  @Inject SeedSource seeds;

  private SimTenant defaultTenant;
  private List<SimTenant> all;

  @PostConstruct
  void load() {
    List<SimTenant> tenants = new ArrayList<>();
    defaultTenant =
        new SimTenant(
            DEFAULT_NAME,
            seeds.load(),
            config.tenant().id(),
            config.tenant().domain(),
            config.tenant().extraDomains().orElse(List.of()),
            config.auth().clientId(),
            config.auth().clientSecret());
    tenants.add(defaultTenant);
    new TreeMap<>(config.tenants()).forEach((name, t) -> tenants.add(extra(name, t)));
    for (SimTenant tenant : tenants) {
      TenantDefaults.restore(tenant, config);
      for (SimTenant other : tenants) {
        if (other != tenant
            && (tenant.isNamedBy(other.id())
                || other.domains().stream().anyMatch(tenant::isNamedBy))) {
          throw new IllegalStateException(
              "sim.tenants: "
                  + other.name()
                  + " and "
                  + tenant.name()
                  + " share an id or a domain");
        }
      }
    }
    all = List.copyOf(tenants);
  }

  private SimTenant extra(String name, SimConfig.ExtraTenant t) {
    if (name.equals(DEFAULT_NAME)) {
      throw new IllegalStateException(
          "sim.tenants.default: the default tenant is configured by sim.tenant and sim.auth");
    }
    return new SimTenant(
        name,
        seeds.load(name, t),
        t.id(),
        t.domain(),
        t.extraDomains().orElse(List.of()),
        t.clientId().orElse(config.auth().clientId()),
        t.clientSecret().orElse(config.auth().clientSecret()));
  }

  public List<SimTenant> all() {
    return all;
  }

  public SimTenant defaultTenant() {
    return defaultTenant;
  }

  /** The tenant named by {@code segment}: its name, id or a verified domain; null if none. */
  public SimTenant find(String segment) {
    for (SimTenant tenant : all) {
      if (tenant.name().equals(segment) || tenant.isNamedBy(segment)) {
        return tenant;
      }
    }
    return null;
  }

  /** The tenant whose directory id is {@code tenantId} (a token's tid); null if none. */
  public SimTenant byId(String tenantId) {
    return all.stream().filter(t -> t.id().equalsIgnoreCase(tenantId)).findFirst().orElse(null);
  }

  /** The tenant the running work is for; the default tenant outside {@link #within}. */
  public SimTenant current() {
    SimTenant tenant = CURRENT.get();
    return tenant == null ? defaultTenant : tenant;
  }

  public <T> T within(SimTenant tenant, Supplier<T> work) {
    SimTenant outer = CURRENT.get();
    CURRENT.set(tenant);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  public void within(SimTenant tenant, Runnable work) {
    within(
        tenant,
        () -> {
          work.run();
          return null;
        });
  }

  /** Every tenant back to its seed and start-up settings. */
  public void resetAll() {
    all.forEach(tenant -> TenantDefaults.restore(tenant, config));
  }

  /** For /_sim/health: each tenant's name, id, domains and user count. */
  public List<Map<String, Object>> summaries() {
    List<Map<String, Object>> summaries = new ArrayList<>();
    for (SimTenant tenant : all) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("name", tenant.name());
      summary.put("tenantId", tenant.id());
      summary.put("domains", tenant.domains());
      summary.put("users", tenant.userCount());
      summary.put("clientId", tenant.clientId());
      summaries.add(summary);
    }
    return summaries;
  }
}
