package io.cordon.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cordon.contracts.UserType;
import java.util.List;

/**
 * An account as Graph described it when the report was resolved; playbook conditions ({@code
 * privileged}, {@code synced}, {@code guest}, {@code groups}, {@code tenant}) are evaluated on it.
 *
 * @param privilegedRoles display names of the directory roles the account holds; empty if none
 * @param groups transitive group memberships
 */
public record ResolvedAccount(
    String objectId,
    String userPrincipalName,
    String tenantId,
    UserType userType,
    boolean onPremisesSynced,
    boolean accountEnabled,
    List<String> privilegedRoles,
    List<GroupRef> groups) {

  private static final String TYPE = "ResolvedAccount";

  public ResolvedAccount {
    Check.text(objectId, TYPE, "objectId");
    Check.text(userPrincipalName, TYPE, "userPrincipalName");
    Check.text(tenantId, TYPE, "tenantId");
    Check.required(userType, TYPE, "userType");
    privilegedRoles = Check.list(privilegedRoles, TYPE, "privilegedRoles");
    groups = Check.list(groups, TYPE, "groups");
  }

  @JsonIgnore
  public boolean isPrivileged() {
    return !privilegedRoles.isEmpty();
  }

  @JsonIgnore
  public boolean isGuest() {
    return userType == UserType.GUEST;
  }

  public AccountRef toRef() {
    return new AccountRef(objectId, userPrincipalName, tenantId);
  }
}
