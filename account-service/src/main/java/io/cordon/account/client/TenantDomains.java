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
 * background when several tenants are configured, else when first needed, and again after {@link
 * #READ_AGAIN_AFTER}. A tenant whose domains cannot be read routes by its configured domains (and
 * those read before) meanwhile and is asked again after {@link #RETRY_AFTER}; routing refuses an
 * account whose domain no tenant has until then, rather than guess the default tenant.
 */
@ApplicationScoped
public class TenantDomains {
  private static final Logger LOG = Logger.getLogger(TenantDomains.class);
  static final Duration RETRY_AFTER = Duration.ofMinutes(1);

  /** A domain verified later is routed after at most this long without a restart. */
  static final Duration READ_AGAIN_AFTER = Duration.ofHours(1);

  @Inject GraphClients clients;
  @Inject TenantRegistry tenants;

  private record Read(Set<String> domains, Instant readAt, Instant failedAt) {
    boolean due(Instant now) {
      return failedAt != null
          ? failedAt.plus(RETRY_AFTER).isBefore(now)
          : readAt.plus(READ_AGAIN_AFTER).isBefore(now);
    }
  }

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
    if (read == null || read.due(Instant.now())) {
      Read again = readFromGraph(tenant);
      // a failed read again keeps what an earlier one read
      read =
          again.failedAt() != null && read != null && read.failedAt() == null
              ? new Read(read.domains(), read.readAt(), again.failedAt())
              : again;
      byTenant.put(tenant.name(), read);
    }
    Set<String> all = new TreeSet<>(tenant.configuredDomains());
    all.addAll(read.domains());
    return all;
  }

  /**
   * Whether Graph's last answer for this tenant's domains was a failure (after {@link #of}): an
   * account whose domain no tenant has may then belong to it.
   */
  public boolean unread(GraphTenant tenant) {
    Read read = byTenant.get(tenant.name());
    return read == null || read.failedAt() != null;
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
      return new Read(verified, Instant.now(), null);
    } catch (RuntimeException e) {
      LOG.warnf(
          "Could not read the verified domains of tenant %s (%s): %s; routing by its configured"
              + " domains until the next try",
          tenant.name(), tenant.tenantId(), e.getClass().getSimpleName());
      return new Read(Set.of(), null, Instant.now());
    }
  }
}
