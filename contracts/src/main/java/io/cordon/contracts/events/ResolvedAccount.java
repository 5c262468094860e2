package io.cordon.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cordon.contracts.OptionalField;
import io.cordon.contracts.UserType;
import java.time.Instant;
import java.util.List;

/**
 * An account as Graph described it when the report was resolved; playbook conditions ({@code
 * privileged}, {@code synced}, {@code guest}, {@code groups}, {@code tenant}) are evaluated on it.
 *
 * @param privilegedRoles display names of the directory roles the account holds; empty if none
 * @param groups transitive group memberships
 * @param activityAt the latest activity of the account the evidence describes (a detection's
 *     activity time, a CSV's {@code last_activity}); absent when the reporter gave none, and then
 *     it never counts as activity after a containment
 */
public record ResolvedAccount(
    String objectId,
    String userPrincipalName,
    String tenantId,
    UserType userType,
    boolean onPremisesSynced,
    boolean accountEnabled,
    List<String> privilegedRoles,
    List<GroupRef> groups,
    @OptionalField Instant activityAt) {

  private static final String TYPE = "ResolvedAccount";

  /** An account whose evidence states no activity time. */
  public ResolvedAccount(
      String objectId,
      String userPrincipalName,
      String tenantId,
      UserType userType,
      boolean onPremisesSynced,
      boolean accountEnabled,
      List<String> privilegedRoles,
      List<GroupRef> groups) {
    this(
        objectId,
        userPrincipalName,
        tenantId,
        userType,
        onPremisesSynced,
        accountEnabled,
        privilegedRoles,
        groups,
        null);
  }

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
