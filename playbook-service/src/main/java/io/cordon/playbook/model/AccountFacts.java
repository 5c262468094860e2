package io.cordon.playbook.model;

import io.cordon.contracts.UserType;
import io.cordon.contracts.events.AccountRef;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.ResolvedAccount;
import java.util.List;

/**
 * What a run knows about an account: the facts {@code when} conditions test and the reference
 * actions target.
 */
public record AccountFacts(
    String objectId,
    String userPrincipalName,
    String tenantId,
    UserType userType,
    boolean onPremisesSynced,
    List<String> privilegedRoles,
    List<GroupRef> groups,
    String tenantName) {

  public AccountFacts {
    privilegedRoles = List.copyOf(privilegedRoles);
    groups = List.copyOf(groups);
  }

  /** An account whose tenant's configured name is not known. */
  public AccountFacts(
      String objectId,
      String userPrincipalName,
      String tenantId,
      UserType userType,
      boolean onPremisesSynced,
      List<String> privilegedRoles,
      List<GroupRef> groups) {
    this(
        objectId,
        userPrincipalName,
        tenantId,
        userType,
        onPremisesSynced,
        privilegedRoles,
        groups,
        null);
  }

  public static AccountFacts of(ResolvedAccount account) {
    return new AccountFacts(
        account.objectId(),
        account.userPrincipalName(),
        account.tenantId(),
        account.userType(),
        account.onPremisesSynced(),
        account.privilegedRoles(),
        account.groups(),
        account.tenantName());
  }

  public boolean privileged() {
    return !privilegedRoles.isEmpty();
  }

  public boolean guest() {
    return userType == UserType.GUEST;
  }

  /** Lower-case domain of the UPN, as partner domain scopes match it. */
  public String domain() {
    return AffectedAccount.domainOf(userPrincipalName);
  }

  public AccountRef ref() {
    return new AccountRef(objectId, userPrincipalName, tenantId);
  }
}
