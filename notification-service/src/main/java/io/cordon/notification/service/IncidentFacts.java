package io.cordon.notification.service;

import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.NotificationRequested;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What partner scopes can meet in a notification request, normalised for case-insensitive
 * comparison. Groups and domains the accounts carry count even when the producer left them out of
 * {@code affectedScopes}, so a partner is never missed because of an incomplete summary.
 *
 * @param groups by lower-case group id
 * @param domains lower case, without a trailing dot
 * @param tags by lower-case tag, the value as given
 */
public record IncidentFacts(
    Map<String, GroupRef> groups,
    Set<String> domains,
    Map<String, String> tags,
    List<AffectedAccount> accounts) {

  public static IncidentFacts of(NotificationRequested request) {
    Map<String, GroupRef> groups = new LinkedHashMap<>();
    request.affectedScopes().groups().forEach(g -> groups.putIfAbsent(key(g.id()), g));
    Set<String> domains = new LinkedHashSet<>();
    request.affectedScopes().domains().forEach(d -> domains.add(domain(d)));
    for (AffectedAccount account : request.affectedAccounts()) {
      domains.add(domain(account.domain()));
      account.groupIds().forEach(id -> groups.putIfAbsent(key(id), new GroupRef(id, "")));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    request.affectedScopes().tags().forEach(t -> tags.putIfAbsent(key(t), t.strip()));
    // insertion order kept, so a notice lists its scopes in the order the request gave them
    return new IncidentFacts(
        Collections.unmodifiableMap(groups),
        Collections.unmodifiableSet(domains),
        Collections.unmodifiableMap(tags),
        request.affectedAccounts());
  }

  /**
   * Lower-case group ids: what a partner's group scope names. Never display names: a group can be
   * renamed, or another one given the name, and bring the wrong accounts into a partner's notice.
   */
  public Set<String> groupKeys() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(groups.keySet()));
  }

  public Collection<String> tagKeys() {
    return tags.keySet();
  }

  static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  static String domain(String value) {
    String domain = key(value);
    return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
  }
}
