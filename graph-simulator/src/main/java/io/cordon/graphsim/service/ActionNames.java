package io.cordon.graphsim.service;

import io.cordon.graphsim.model.GraphRequest;
import java.util.List;
import java.util.Map;

/**
 * Names a request's action before it runs (for calls refused by a fault, a throttle rule or a
 * permission check), and the application permissions that allow it (any one of them).
 */
public final class ActionNames {
  private static final List<String> READ_USERS =
      List.of(
          "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
  private static final List<String> READ_APPLICATIONS =
      List.of(
          "Application.Read.All",
          "Application.ReadWrite.All",
          "Directory.Read.All",
          "Directory.ReadWrite.All");
  private static final List<String> READ_MAIL_FOLDERS =
      List.of("Mail.ReadBasic.All", "Mail.Read", "Mail.ReadWrite");
  private static final Map<String, List<String>> ANY_OF =
      Map.ofEntries(
          Map.entry("getUser", READ_USERS),
          Map.entry("listUsers", READ_USERS),
          Map.entry("listMemberOf", READ_USERS),
          Map.entry("listTransitiveMemberOf", READ_USERS),
          Map.entry("listDirectoryRoles", READ_USERS),
          Map.entry("listDirectoryRoleMembers", READ_USERS),
          Map.entry(
              "revokeSignInSessions",
              List.of("User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All")),
          Map.entry(
              "resetPassword",
              List.of(
                  "User-PasswordProfile.ReadWrite.All",
                  "User.ReadWrite.All",
                  "Directory.ReadWrite.All")),
          Map.entry(
              "disableAccount",
              List.of(
                  "User.EnableDisableAccount.All",
                  "User.ReadWrite.All",
                  "Directory.ReadWrite.All")),
          Map.entry(
              "enableAccount",
              List.of(
                  "User.EnableDisableAccount.All",
                  "User.ReadWrite.All",
                  "Directory.ReadWrite.All")),
          // refused later for what it carries; any user write permission gets it validated
          Map.entry(
              "updateUser",
              List.of(
                  "User.ReadWrite.All",
                  "Directory.ReadWrite.All",
                  "User-PasswordProfile.ReadWrite.All",
                  "User.EnableDisableAccount.All")),
          Map.entry("confirmCompromised", List.of("IdentityRiskyUser.ReadWrite.All")),
          Map.entry("dismiss", List.of("IdentityRiskyUser.ReadWrite.All")),
          Map.entry("createTemporaryAccessPass", List.of("UserAuthenticationMethod.ReadWrite.All")),
          Map.entry(
              "getRiskyUser",
              List.of("IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All")),
          Map.entry(
              "listOAuth2PermissionGrants",
              List.of(
                  "DelegatedPermissionGrant.Read.All",
                  "DelegatedPermissionGrant.ReadWrite.All",
                  "Directory.Read.All")),
          Map.entry(
              "getOAuth2PermissionGrant",
              List.of(
                  "DelegatedPermissionGrant.Read.All",
                  "DelegatedPermissionGrant.ReadWrite.All",
                  "Directory.Read.All")),
          Map.entry(
              "deleteOAuth2PermissionGrant", List.of("DelegatedPermissionGrant.ReadWrite.All")),
          Map.entry(
              "listMessageRules", List.of("MailboxSettings.Read", "MailboxSettings.ReadWrite")),
          Map.entry("getMessageRule", List.of("MailboxSettings.Read", "MailboxSettings.ReadWrite")),
          Map.entry("deleteMessageRule", List.of("MailboxSettings.ReadWrite")),
          Map.entry(
              "listAuthenticationMethods",
              List.of(
                  "UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All")),
          Map.entry(
              "deleteAuthenticationMethod", List.of("UserAuthenticationMethod.ReadWrite.All")),
          Map.entry("removeDirectoryRoleMember", List.of("RoleManagement.ReadWrite.Directory")),
          // Graph v1.0 reference pages of each call, application permissions
          Map.entry("listMailFolders", READ_MAIL_FOLDERS),
          Map.entry("getMailFolder", READ_MAIL_FOLDERS),
          Map.entry(
              "listRoleEligibilitySchedules",
              List.of(
                  "RoleEligibilitySchedule.Read.Directory",
                  "RoleEligibilitySchedule.ReadWrite.Directory",
                  "RoleManagement.Read.All",
                  "RoleManagement.Read.Directory",
                  "RoleManagement.ReadWrite.Directory")),
          Map.entry(
              "listRoleAssignmentSchedules",
              List.of(
                  "RoleAssignmentSchedule.Read.Directory",
                  "RoleAssignmentSchedule.ReadWrite.Directory",
                  "RoleManagement.Read.All",
                  "RoleManagement.Read.Directory",
                  "RoleManagement.ReadWrite.Directory")),
          Map.entry(
              "createRoleEligibilityScheduleRequest",
              List.of(
                  "RoleEligibilitySchedule.ReadWrite.Directory",
                  "RoleManagement.ReadWrite.Directory")),
          Map.entry(
              "createRoleAssignmentScheduleRequest",
              List.of(
                  "RoleAssignmentSchedule.ReadWrite.Directory",
                  "RoleManagement.ReadWrite.Directory")),
          Map.entry(
              "listRoleAssignments",
              List.of(
                  "RoleManagement.Read.Directory",
                  "RoleManagement.Read.All",
                  "RoleManagement.ReadWrite.Directory",
                  "Directory.Read.All")),
          Map.entry("deleteRoleAssignment", List.of("RoleManagement.ReadWrite.Directory")),
          // a role-assignable group also needs RoleManagement.ReadWrite.Directory (GroupOperations)
          Map.entry(
              GroupOperations.ACTION,
              List.of(
                  "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All")),
          // https://learn.microsoft.com/graph/api/domain-list (application permissions)
          Map.entry(
              DomainOperations.ACTION,
              List.of(
                  "Domain.Read.All",
                  "Domain.ReadWrite.All",
                  "Directory.Read.All",
                  "Directory.ReadWrite.All")),
          Map.entry("getServicePrincipal", READ_APPLICATIONS),
          Map.entry("listServicePrincipalMemberOf", READ_APPLICATIONS));

  private ActionNames() {}

  public static String classify(GraphRequest request, String patchAction) {
    String[] s = request.path().split("/");
    String method = request.method();
    if (s.length == 0) {
      return "unknown";
    }
    return switch (s[0]) {
      case "users" -> {
        if (s.length == 1) {
          yield "listUsers";
        }
        if (s.length == 2 && method.equals("PATCH")) {
          yield patchAction;
        }
        yield GraphOperations.userAction(request, s);
      }
      case "oauth2PermissionGrants" ->
          method.equals("DELETE") ? "deleteOAuth2PermissionGrant" : "getOAuth2PermissionGrant";
      case "directoryRoles" ->
          method.equals("DELETE")
              ? "removeDirectoryRoleMember"
              : s.length > 2 ? "listDirectoryRoleMembers" : "listDirectoryRoles";
      case "roleManagement" -> RoleManagementOperations.classify(method, s);
      case "groups" -> GroupOperations.ACTION;
      case "domains" -> DomainOperations.ACTION;
      case "identityProtection" ->
          s.length > 2 && s[2].equals("confirmCompromised")
              ? "confirmCompromised"
              : s.length > 2 && s[2].equals("dismiss") ? "dismiss" : "getRiskyUser";
      default -> {
        String persistence = PersistenceEndpoints.action(request, s);
        if (persistence != null) {
          yield persistence;
        }
        if (!s[0].startsWith("servicePrincipals")) {
          yield "unknown";
        }
        int depth = s[0].equals("servicePrincipals") ? s.length - 1 : s.length;
        yield depth > 1 ? "listServicePrincipalMemberOf" : "getServicePrincipal";
      }
    };
  }

  /** Null when no permission applies (unknown paths fail later with their own error). */
  public static List<String> permissionsFor(String action) {
    if (action.contains("+")) {
      // a PATCH doing several things needs a permission for each: User.ReadWrite.All covers all
      return List.of("User.ReadWrite.All", "Directory.ReadWrite.All");
    }
    return ANY_OF.containsKey(action)
        ? ANY_OF.get(action)
        : PersistenceEndpoints.PERMISSIONS.get(action);
  }
}
