package io.cordon.account.client;

import com.microsoft.graph.models.Domain;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * A tenant's verified domains as Graph lists them ({@code GET /domains}, application permission
 * Domain.Read.All; https://learn.microsoft.com/graph/api/domain-list), read at start in the
 * background when several tenants are configured, else when first needed. A tenant whose domains
 * cannot be read routes by its configured domains meanwhile and is asked again after {@link
 * #RETRY_AFTER}.
 */
@ApplicationScoped
public class TenantDomains {
  private static final Logger LOG = Logger.getLogger(TenantDomains.class);
  static final Duration RETRY_AFTER = Duration.ofMinutes(1);

  @Inject GraphClients clients;
  @Inject TenantRegistry tenants;

  private record Read(Set<String> domains, Instant failedAt) {}

  private final Map<String, Read> byTenant = new ConcurrentHashMap<>();

  /**
   * Reads every tenant's domains at start without holding start-up up; only what was read is kept,
   * so a tenant Graph did not answer for is asked again at its first routing.
   */
  void readAtStart(@Observes StartupEvent started) {
    if (!tenants.several()) {
      return; // one tenant takes every account: its domains route nothing
    }
    CompletableFuture.runAsync(
        () ->
            tenants
                .all()
                .forEach(
                    tenant -> {
                      Read read = readFromGraph(tenant);
                      if (read.failedAt() == null) {
                        byTenant.putIfAbsent(tenant.name(), read);
                      }
                    }));
  }

  /** The configured domains and the verified ones Graph lists, lower case. */
  public Set<String> of(GraphTenant tenant) {
    Read read = byTenant.get(tenant.name());
    if (read == null
        || (read.failedAt() != null && read.failedAt().plus(RETRY_AFTER).isBefore(Instant.now()))) {
      read = readFromGraph(tenant);
      byTenant.put(tenant.name(), read);
    }
    Set<String> all = new TreeSet<>(tenant.configuredDomains());
    all.addAll(read.domains());
    return all;
  }

  private Read readFromGraph(GraphTenant tenant) {
    try {
      Set<String> verified = new TreeSet<>();
      var domains = clients.graph(tenant).domains();
      for (var page =
              domains.get(c -> c.queryParameters.select = new String[] {"id", "isVerified"});
          page != null;
          page =
              page.getOdataNextLink() == null
                  ? null
                  : domains.withUrl(page.getOdataNextLink()).get()) {
        for (Domain domain : page.getValue() == null ? List.<Domain>of() : page.getValue()) {
          if (Boolean.TRUE.equals(domain.getIsVerified()) && domain.getId() != null) {
            verified.add(domain.getId().toLowerCase(Locale.ROOT));
          }
        }
      }
      return new Read(verified, null);
    } catch (RuntimeException e) {
      LOG.warnf(
          "Could not read the verified domains of tenant %s (%s): %s; routing by its configured"
              + " domains until the next try",
          tenant.name(), tenant.tenantId(), e.getClass().getSimpleName());
      return new Read(Set.of(), Instant.now());
    }
  }
}
