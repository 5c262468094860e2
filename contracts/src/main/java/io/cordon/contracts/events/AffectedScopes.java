package io.cordon.contracts.events;

import io.cordon.contracts.OptionalField;
import java.util.List;

/**
 * Everything partner scopes can match against: the compromised accounts' groups and domains.
 *
 * @param tags tags of the compromised accounts or the incident; empty when there are none
 */
public record AffectedScopes(
    List<GroupRef> groups, List<String> domains, @OptionalField List<String> tags) {

  private static final String TYPE = "AffectedScopes";

  public AffectedScopes {
    groups = Check.list(groups, TYPE, "groups");
    domains = Check.list(domains, TYPE, "domains");
    tags = Check.optionalList(tags, TYPE, "tags");
  }
}
