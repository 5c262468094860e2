package io.cordon.notification.mapping;

import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.GroupRef;
import java.util.List;

/**
 * Where an incident meets one partner's scopes.
 *
 * @param accounts the affected accounts inside the partner's scope: in a matched group or domain
 */
public record PartnerMatch(
    List<GroupRef> groups,
    List<String> domains,
    List<String> tags,
    List<AffectedAccount> accounts) {

  public PartnerMatch {
    groups = List.copyOf(groups);
    domains = List.copyOf(domains);
    tags = List.copyOf(tags);
    accounts = List.copyOf(accounts);
  }
}
