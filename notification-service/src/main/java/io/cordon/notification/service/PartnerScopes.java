package io.cordon.notification.service;

import io.cordon.notification.repository.PartnerEntity;
import io.cordon.notification.repository.ScopeKind;
import java.util.List;

/**
 * A partner's registered scopes, as the matcher reads them: groups by object id only (a group
 * registered by name before ids were required is left out).
 *
 * @param tenants directory ids (lower case) of the tenants whose accounts alone the partner hears
 *     about; empty for every tenant
 */
public record PartnerScopes(
    List<String> groups, List<String> domains, List<String> tags, List<String> tenants) {

  public PartnerScopes {
    groups = List.copyOf(groups);
    domains = List.copyOf(domains);
    tags = List.copyOf(tags);
    tenants = List.copyOf(tenants);
  }

  /** Scopes of a partner limited to no tenant. */
  public PartnerScopes(List<String> groups, List<String> domains, List<String> tags) {
    this(groups, domains, tags, List.of());
  }

  public static PartnerScopes of(PartnerEntity partner) {
    return new PartnerScopes(
        values(partner, ScopeKind.GROUP),
        values(partner, ScopeKind.DOMAIN),
        values(partner, ScopeKind.TAG),
        values(partner, ScopeKind.TENANT));
  }

  private static List<String> values(PartnerEntity partner, ScopeKind kind) {
    return partner.scopes.stream().filter(s -> s.kind == kind).map(s -> s.value).toList();
  }
}
