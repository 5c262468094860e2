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
              ActionType.REMOVE_PRIVILEGED_ROLES, List.of("RoleManagement.ReadWrite.Directory")));

  /**
   * A second permission an action needs besides one of {@link #alternatives}: any one of these.
   * REMOVE_PRIVILEGED_ROLES removes memberships of role-assignable groups, which Graph allows only
   * with a group member permission in addition to RoleManagement.ReadWrite.Directory ("Remove
   * member" v1.0 reference); RoleManagement.ReadWrite.Directory itself covers the PIM schedule
   * requests (RoleEligibilitySchedule / RoleAssignmentSchedule .ReadWrite.Directory are its
   * narrower alternatives) and direct role assignments.
   */
  private static final Map<ActionType, List<String>> ALSO_ANY_OF =
      Map.of(
          ActionType.REMOVE_PRIVILEGED_ROLES,
          List.of("GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"));

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

  /** The second permission the action needs (any one of these), or empty. */
  public static List<String> alsoNeeded(ActionType action) {
    return ALSO_ANY_OF.getOrDefault(action, List.of());
  }

  /** Null when the granted roles allow the action, else a sentence naming what is missing. */
  public static String missingFor(ActionType action, Set<String> granted) {
    List<String> lacking = new java.util.ArrayList<>();
    for (List<String> alternatives :
        List.of(ANY_OF.getOrDefault(action, List.of()), alsoNeeded(action))) {
      if (!alternatives.isEmpty() && alternatives.stream().noneMatch(granted::contains)) {
        lacking.add(String.join(" or ", alternatives));
      }
    }
    if (lacking.isEmpty()) {
      return null;
    }
    return "app registration lacks "
        + String.join(" and ", lacking)
        + " (application permission) for "
        + action;
  }
}
