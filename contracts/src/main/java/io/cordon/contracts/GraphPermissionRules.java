package io.cordon.contracts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Graph application permissions each action needs; any one of the listed alternatives will do
 * (least privileged first). Used to refuse an action up front instead of failing it per account.
 */
public final class GraphPermissionRules {
  private static final Map<ActionType, List<String>> ANY_OF =
      Map.ofEntries(
          Map.entry(
              ActionType.REVOKE_SESSIONS, List.of("User.RevokeSessions.All", "User.ReadWrite.All")),
          Map.entry(
              ActionType.RESET_PASSWORD,
              List.of("User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All")),
          Map.entry(
              ActionType.DISABLE_ACCOUNT,
              List.of("User.EnableDisableAccount.All", "User.ReadWrite.All")),
          Map.entry(
              ActionType.ENABLE_ACCOUNT,
              List.of("User.EnableDisableAccount.All", "User.ReadWrite.All")),
          Map.entry(ActionType.CONFIRM_COMPROMISED, List.of("IdentityRiskyUser.ReadWrite.All")),
          // riskyUser: dismiss (v1.0 reference) lists only IdentityRiskyUser.ReadWrite.All
          Map.entry(ActionType.DISMISS_RISK, List.of("IdentityRiskyUser.ReadWrite.All")),
          Map.entry(
              ActionType.REVOKE_OAUTH_GRANTS, List.of("DelegatedPermissionGrant.ReadWrite.All")),
          Map.entry(ActionType.REMOVE_FORWARDING_RULES, List.of("MailboxSettings.ReadWrite")),
          Map.entry(ActionType.REMOVE_MAIL_RULES, List.of("MailboxSettings.ReadWrite")),
          Map.entry(
              ActionType.REMOVE_MFA_METHODS, List.of("UserAuthenticationMethod.ReadWrite.All")),
          // Create temporaryAccessPassMethod (v1.0 reference): application permission
          Map.entry(
              ActionType.ISSUE_TEMPORARY_ACCESS_PASS,
              List.of("UserAuthenticationMethod.ReadWrite.All")),
          Map.entry(
              ActionType.REMOVE_PRIVILEGED_ROLES, List.of("RoleManagement.ReadWrite.Directory")),
          // application: removePassword / servicePrincipal: removePassword (v1.0 reference):
          // Application.ReadWrite.OwnedBy covers only apps the caller owns, not the user's
          Map.entry(ActionType.REMOVE_APP_CREDENTIALS, List.of("Application.ReadWrite.All")),
          // Delete appRoleAssignedTo / appRoleAssignment (v1.0 reference)
          Map.entry(ActionType.REMOVE_APP_CONSENTS, List.of("AppRoleAssignment.ReadWrite.All")),
          // Update device (v1.0 reference); the app also needs a directory role, see below
          Map.entry(
              ActionType.DISABLE_DEVICES,
              List.of("Device.ReadWrite.All", "Directory.ReadWrite.All")));

  /**
   * Further permissions an action needs besides one of {@link #alternatives}: each list is again
   * any one of.
   */
  private static final Map<ActionType, List<List<String>>> ALSO =
      Map.of(
          // the user's delegated grants are deleted too (Delete oAuth2PermissionGrant), and the
          // apps' appIds are read from their service principals (Get servicePrincipal) to compare
          // with the allowlist
          ActionType.REMOVE_APP_CONSENTS,
          List.of(
              List.of("DelegatedPermissionGrant.ReadWrite.All"),
              List.of("Application.Read.All", "Application.ReadWrite.All")),
          // REMOVE_PRIVILEGED_ROLES removes memberships of role-assignable groups, which Graph
          // allows only with a group member permission besides RoleManagement.ReadWrite.Directory
          // ("Remove member" v1.0 reference); RoleManagement.ReadWrite.Directory itself covers the
          // PIM schedule requests and direct role assignments
          ActionType.REMOVE_PRIVILEGED_ROLES,
          List.of(
              List.of(
                  "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All")));

  /**
   * Directory roles the app itself must hold for an action, whoever the target (role template id to
   * name): Update device says a Cloud Device Administrator may enable or disable devices, an Intune
   * Administrator (and a Global Administrator) may update them.
   */
  public static final Map<ActionType, Map<String, String>> APP_ROLES =
      Map.of(
          ActionType.DISABLE_DEVICES,
          Map.of(
              "7698a772-787b-4ac8-901f-60d6b08affd2", "Cloud Device Administrator",
              "3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator",
              "62e90394-69f5-4237-9190-012177145e10", "Global Administrator"));

  /**
   * Actions that change a sensitive property of the user: on a user holding an administrator role
   * Graph accepts them app-only only when the app itself holds a role at least as privileged.
   */
  public static final Set<ActionType> PRIVILEGED_TARGET_ACTIONS =
      Set.of(ActionType.RESET_PASSWORD, ActionType.DISABLE_ACCOUNT, ActionType.ENABLE_ACCOUNT);

  /** Role template id to name: either role lets the app reset and disable any administrator. */
  public static final Map<String, String> PRIVILEGED_TARGET_ROLES =
      Map.of(
          "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator",
          "62e90394-69f5-4237-9190-012177145e10", "Global Administrator");

  private static final String ROLE_NAMES =
      "Privileged Authentication Administrator or Global Administrator";

  private GraphPermissionRules() {}

  /** The application permissions that would each allow the action, least privileged first. */
  public static List<String> alternatives(ActionType action) {
    return ANY_OF.getOrDefault(action, List.of());
  }

  /** Whether one of the app's directory roles (template ids or names) covers privileged users. */
  public static boolean coversPrivilegedTargets(Set<String> directoryRoles) {
    return PRIVILEGED_TARGET_ROLES.entrySet().stream()
        .anyMatch(
            r -> directoryRoles.contains(r.getKey()) || directoryRoles.contains(r.getValue()));
  }

  /**
   * Null when the action may go to a privileged user, else a sentence naming the directory role
   * missing.
   */
  public static String missingRoleFor(ActionType action, Set<String> directoryRoles) {
    if (!PRIVILEGED_TARGET_ACTIONS.contains(action) || coversPrivilegedTargets(directoryRoles)) {
      return null;
    }
    return "app registration lacks the directory role "
        + ROLE_NAMES
        + " needed for "
        + action
        + " of a privileged account";
  }

  public static String privilegedTargetRoles() {
    return ROLE_NAMES;
  }

  /** Null when the granted roles allow the action, else a sentence naming what is missing. */
  public static String missingFor(ActionType action, Set<String> granted) {
    List<List<String>> groups = new java.util.ArrayList<>();
    groups.add(ANY_OF.getOrDefault(action, List.of()));
    groups.addAll(ALSO.getOrDefault(action, List.of()));
    for (List<String> alternatives : groups) {
      if (!alternatives.isEmpty() && alternatives.stream().noneMatch(granted::contains)) {
        return "app registration lacks "
            + String.join(" or ", alternatives)
            + " (application permission) for "
            + action;
      }
    }
    return null;
  }

  /** Every permission group the action needs (each: any one of), {@link #alternatives} first. */
  public static List<List<String>> requirements(ActionType action) {
    List<List<String>> groups = new java.util.ArrayList<>();
    if (ANY_OF.containsKey(action)) {
      groups.add(ANY_OF.get(action));
    }
    groups.addAll(ALSO.getOrDefault(action, List.of()));
    return List.copyOf(groups);
  }

  /**
   * Null when the action needs no directory role of the app or one of the app's roles (template ids
   * or names) covers it, else a sentence naming the roles.
   */
  public static String missingAppRoleFor(ActionType action, Set<String> directoryRoles) {
    Map<String, String> roles = APP_ROLES.get(action);
    if (roles == null
        || roles.entrySet().stream()
            .anyMatch(
                r ->
                    directoryRoles.contains(r.getKey()) || directoryRoles.contains(r.getValue()))) {
      return null;
    }
    return "app registration lacks the directory role "
        + String.join(" or ", new java.util.TreeSet<>(roles.values()))
        + " needed for "
        + action;
  }
}
