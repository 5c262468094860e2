package io.cordon.account.service.tenant;

import io.cordon.account.client.TenantDomains;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.model.AccountIdentifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Routes a report entry to its tenant (DESIGN §5, issue 26): the entry's {@code tenantId} (a
 * configured tenant's directory id or one of its domains), else its UPN's domain, else the default
 * tenant. A tenant nobody configured, or a domain of several tenants, refuses the entry rather than
 * act in the wrong tenant. With one tenant everything goes there, as before several tenants.
 */
@ApplicationScoped
public class TenantRouter {
  @Inject TenantRegistry tenants;
  @Inject TenantDomains domains;

  public TenantRoute route(AccountIdentifier identifier) {
    if (!tenants.several()) {
      return TenantRoute.to(tenants.primary());
    }
    String account = identifier.value();
    if (identifier.tenant() != null) {
      return byHint(account, identifier.tenant());
    }
    if (identifier.kind() == AccountIdentifier.Kind.UPN) {
      String domain = account.substring(account.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
      List<GraphTenant> owners = withDomain(domain);
      if (owners.size() == 1) {
        return TenantRoute.to(owners.get(0));
      }
      if (owners.size() > 1) {
        return TenantRoute.refused(
            account
                + ": domain "
                + domain
                + " belongs to several tenants ("
                + names(owners)
                + "); give the entry's tenantId");
      }
    }
    if (identifier.kind() == AccountIdentifier.Kind.UPN) {
      // the domain may be a verified domain of a tenant Graph did not answer for
      List<GraphTenant> unread = tenants.all().stream().filter(domains::unread).toList();
      if (!unread.isEmpty()) {
        return TenantRoute.refused(
            account
                + ": the verified domains of tenant "
                + names(unread)
                + " could not be read from Graph; give the entry's tenantId or send it again"
                + " later");
      }
    }
    Optional<GraphTenant> fallback = tenants.defaultTenant();
    return fallback
        .map(TenantRoute::to)
        .orElseGet(
            () ->
                TenantRoute.refused(
                    account
                        + ": no configured tenant has this account's domain and none is the"
                        + " default; give the entry's tenantId"));
  }

  private TenantRoute byHint(String account, String hint) {
    Optional<GraphTenant> byId = tenants.byTenantId(hint);
    if (byId.isPresent()) {
      return TenantRoute.to(byId.get());
    }
    List<GraphTenant> owners = withDomain(hint.toLowerCase(Locale.ROOT));
    if (owners.size() == 1) {
      return TenantRoute.to(owners.get(0));
    }
    if (owners.size() > 1) {
      return TenantRoute.refused(
          account
              + ": tenantId "
              + hint
              + " is a domain of several tenants ("
              + names(owners)
              + ")");
    }
    return TenantRoute.refused(
        account + ": tenantId " + hint + " is no tenant (id or domain) this deployment acts in");
  }

  private List<GraphTenant> withDomain(String domain) {
    return tenants.all().stream().filter(t -> domains.of(t).contains(domain)).toList();
  }

  private static String names(List<GraphTenant> owners) {
    return String.join(", ", owners.stream().map(GraphTenant::name).toList());
  }
}
