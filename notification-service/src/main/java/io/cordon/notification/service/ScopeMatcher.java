package io.cordon.notification.service;

import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.GroupRef;
import io.cordon.notification.mapping.PartnerMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an incident affects a partner (DESIGN §7): a group scope names an affected group
 * by object id (never by display name, which can change hands), a domain scope names an affected
 * account domain, a tag scope names an incident tag; all without regard to case. Any one such
 * meeting makes the partner affected.
 */
public final class ScopeMatcher {

  private ScopeMatcher() {}

  public static Optional<PartnerMatch> match(PartnerScopes scopes, IncidentFacts facts) {
    Map<String, GroupRef> groups = new LinkedHashMap<>();
    for (String scope : scopes.groups()) {
      String key = IncidentFacts.key(scope);
      GroupRef group = facts.groups().get(key);
      if (group != null) {
        groups.putIfAbsent(key, group);
      }
    }
    Set<String> domains = new LinkedHashSet<>();
    for (String scope : scopes.domains()) {
      String domain = IncidentFacts.domain(scope);
      if (facts.domains().contains(domain)) {
        domains.add(domain);
      }
    }
    List<String> tags = new ArrayList<>();
    for (String scope : scopes.tags()) {
      String tag = facts.tags().get(IncidentFacts.key(scope));
      if (tag != null && !tags.contains(tag)) {
        tags.add(tag);
      }
    }
    if (groups.isEmpty() && domains.isEmpty() && tags.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PartnerMatch(
            List.copyOf(groups.values()),
            List.copyOf(domains),
            tags,
            accountsInScope(facts.accounts(), groups.keySet(), domains)));
  }

  /**
   * Accounts in a matched group or domain. Tags describe the incident, not single accounts, so a
   * match by tag alone brings no account into scope: such a partner learns counts, never names.
   */
  private static List<AffectedAccount> accountsInScope(
      List<AffectedAccount> accounts, Set<String> groupKeys, Set<String> domains) {
    List<AffectedAccount> inScope = new ArrayList<>();
    for (AffectedAccount account : accounts) {
      boolean inDomain = domains.contains(IncidentFacts.domain(account.domain()));
      boolean inGroup =
          account.groupIds().stream().map(IncidentFacts::key).anyMatch(groupKeys::contains);
      if (inDomain || inGroup) {
        inScope.add(account);
      }
    }
    return inScope;
  }
}
