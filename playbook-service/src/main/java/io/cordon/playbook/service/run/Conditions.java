package io.cordon.playbook.service.run;

import io.cordon.contracts.events.GroupRef;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.Condition;
import java.util.List;

/** Evaluates a step's {@code when} on an account's facts (docs/playbooks.md, Condition). */
public final class Conditions {
  private Conditions() {}

  /** True when every condition given holds; a step without {@code when} applies to everyone. */
  public static boolean matches(Condition when, AccountFacts account) {
    if (when == null) {
      return true;
    }
    return (when.privileged() == null || when.privileged() == account.privileged())
        && (when.synced() == null || when.synced() == account.onPremisesSynced())
        && (when.guest() == null || when.guest() == account.guest())
        && (when.groups() == null || inAnyGroup(when.groups(), account.groups()))
        && (when.tenant() == null || inAnyTenant(when.tenant(), account));
  }

  // groups are named by object id or display name; Entra compares both case-insensitively
  private static boolean inAnyGroup(List<String> wanted, List<GroupRef> groups) {
    return groups.stream()
        .anyMatch(
            group ->
                wanted.stream()
                    .anyMatch(
                        name ->
                            name.equalsIgnoreCase(group.id())
                                || name.equalsIgnoreCase(group.displayName())));
  }

  // a tenant is named by its id or by a domain of its accounts (the UPN's domain)
  private static boolean inAnyTenant(List<String> wanted, AccountFacts account) {
    String domain = account.domain();
    return wanted.stream()
        .anyMatch(
            name -> name.equalsIgnoreCase(account.tenantId()) || name.equalsIgnoreCase(domain));
  }
}
