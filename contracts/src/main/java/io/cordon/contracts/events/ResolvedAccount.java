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
 * @param firstSeenAt the earliest attacker activity the evidence names (a CSV's {@code first_seen},
 *     a detection's activity time); absent when it names none
 * @param indicators indicators of compromise the evidence names for the account; empty if none
 * @param tenantName the configured name ({@code cordon.graph.tenants.<name>}) of the tenant {@code
 *     tenantId} is, for people to read; absent from producers before several tenants
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
    @OptionalField Instant activityAt,
    @OptionalField Instant firstSeenAt,
    @OptionalField List<Indicator> indicators,
    @OptionalField String tenantName) {

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

  /** An account whose evidence names no indicators. */
  public ResolvedAccount(
      String objectId,
      String userPrincipalName,
      String tenantId,
      UserType userType,
      boolean onPremisesSynced,
      boolean accountEnabled,
      List<String> privilegedRoles,
      List<GroupRef> groups,
      Instant activityAt) {
    this(
        objectId,
        userPrincipalName,
        tenantId,
        userType,
        onPremisesSynced,
        accountEnabled,
        privilegedRoles,
        groups,
        activityAt,
        null,
        null);
  }

  /** An account whose tenant's configured name is not known. */
  public ResolvedAccount(
      String objectId,
      String userPrincipalName,
      String tenantId,
      UserType userType,
      boolean onPremisesSynced,
      boolean accountEnabled,
      List<String> privilegedRoles,
      List<GroupRef> groups,
      Instant activityAt,
      Instant firstSeenAt,
      List<Indicator> indicators) {
    this(
        objectId,
        userPrincipalName,
        tenantId,
        userType,
        onPremisesSynced,
        accountEnabled,
        privilegedRoles,
        groups,
        activityAt,
        firstSeenAt,
        indicators,
        null);
  }

  public ResolvedAccount {
    Check.text(objectId, TYPE, "objectId");
    Check.text(userPrincipalName, TYPE, "userPrincipalName");
    Check.text(tenantId, TYPE, "tenantId");
    Check.required(userType, TYPE, "userType");
    privilegedRoles = Check.list(privilegedRoles, TYPE, "privilegedRoles");
    groups = Check.list(groups, TYPE, "groups");
    indicators = Check.optionalList(indicators, TYPE, "indicators");
    Check.optionalText(tenantName, TYPE, "tenantName");
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
