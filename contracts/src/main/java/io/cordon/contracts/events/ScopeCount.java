package io.cordon.contracts.events;

import io.cordon.contracts.EventFormatException;
import java.util.Set;

/**
 * How many compromised accounts fall into one scope.
 *
 * @param scopeType {@link #GROUP}, {@link #DOMAIN} or {@link #TAG}
 * @param scope the group id, domain or tag
 */
public record ScopeCount(String scopeType, String scope, int accounts) {

  public static final String GROUP = "group";
  public static final String DOMAIN = "domain";
  public static final String TAG = "tag";

  private static final Set<String> SCOPE_TYPES = Set.of(GROUP, DOMAIN, TAG);
  private static final String TYPE = "ScopeCount";

  public ScopeCount {
    if (!SCOPE_TYPES.contains(Check.required(scopeType, TYPE, "scopeType"))) {
      throw EventFormatException.invalidField(
          TYPE, "scopeType", "must be one of group, domain, tag but was '" + scopeType + "'");
    }
    Check.text(scope, TYPE, "scope");
    Check.atLeast(accounts, 0, TYPE, "accounts");
  }
}
