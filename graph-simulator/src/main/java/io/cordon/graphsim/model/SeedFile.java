package io.cordon.graphsim.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The seed format (JSON or YAML): the tenant as it is before any action. Members of groups and
 * roles are user ids, UPNs or (for groups) other group ids.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeedFile(
    TenantSeed tenant,
    List<UserSeed> users,
    List<GroupSeed> groups,
    List<RoleSeed> directoryRoles,
    List<GrantSeed> oauth2PermissionGrants,
    List<RoleScheduleSeed> roleSchedules,
    PersistenceSeed persistence) {

  public SeedFile(
      TenantSeed tenant,
      List<UserSeed> users,
      List<GroupSeed> groups,
      List<RoleSeed> directoryRoles,
      List<GrantSeed> oauth2PermissionGrants) {
    this(tenant, users, groups, directoryRoles, oauth2PermissionGrants, List.of(), null);
  }

  public SeedFile {
    roleSchedules = roleSchedules == null ? List.of() : roleSchedules;
    persistence = persistence == null ? PersistenceSeed.NONE : persistence;
    users = users == null ? List.of() : users;
    groups = groups == null ? List.of() : groups;
    directoryRoles = directoryRoles == null ? List.of() : directoryRoles;
    oauth2PermissionGrants = oauth2PermissionGrants == null ? List.of() : oauth2PermissionGrants;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TenantSeed(String id, String domain, String displayName) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UserSeed(
      String id,
      String userPrincipalName,
      String displayName,
      String mail,
      String userType,
      Boolean accountEnabled,
      Boolean onPremisesSyncEnabled,
      String lastPasswordChangeDateTime,
      String signInSessionsValidFromDateTime,
      Boolean mailboxEnabled,
      String department,
      String jobTitle,
      String riskState,
      String riskLevel,
      List<MethodSeed> authenticationMethods,
      List<ObjectNode> messageRules) {}

  /** {@code type} is the Graph type without prefix, e.g. phoneAuthenticationMethod. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MethodSeed(String id, String type, ObjectNode properties) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GroupSeed(
      String id,
      String displayName,
      String description,
      List<String> members,
      Boolean isAssignableToRole) {
    public GroupSeed(String id, String displayName, String description, List<String> members) {
      this(id, displayName, description, members, null);
    }
  }

  /**
   * A PIM schedule: {@code kind} "eligible" (roleEligibilitySchedule) or "active"
   * (roleAssignmentSchedule); {@code principal} a user id or UPN; {@code roleDefinitionId} a role
   * template id; {@code directoryScopeId} "/" when absent.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RoleScheduleSeed(
      String id,
      String kind,
      String principal,
      String roleDefinitionId,
      String directoryScopeId,
      String createdDateTime) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RoleSeed(
      String id, String displayName, String roleTemplateId, List<String> members) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GrantSeed(
      String id,
      String clientId,
      String consentType,
      String principalId,
      String resourceId,
      String scope) {}

  /**
   * What an attacker may leave behind: applications and service principals (with their owners and
   * credentials, as Graph shows {@code passwordCredentials} and {@code keyCredentials}), users' app
   * role assignments and devices. Users are named by id or UPN.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PersistenceSeed(
      List<AppSeed> applications,
      List<AppSeed> servicePrincipals,
      List<AssignmentSeed> appRoleAssignments,
      List<DeviceSeed> devices) {
    public static final PersistenceSeed NONE = new PersistenceSeed(null, null, null, null);

    public PersistenceSeed {
      applications = applications == null ? List.of() : applications;
      servicePrincipals = servicePrincipals == null ? List.of() : servicePrincipals;
      appRoleAssignments = appRoleAssignments == null ? List.of() : appRoleAssignments;
      devices = devices == null ? List.of() : devices;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AppSeed(
      String id,
      String appId,
      String displayName,
      List<String> owners,
      List<ObjectNode> passwordCredentials,
      List<ObjectNode> keyCredentials) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AssignmentSeed(
      String id,
      String principalId,
      String resourceId,
      String resourceDisplayName,
      String createdDateTime) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DeviceSeed(
      String id,
      String deviceId,
      String displayName,
      String operatingSystem,
      Boolean accountEnabled,
      String registrationDateTime,
      List<String> registeredUsers,
      List<String> registeredOwners) {}
}
