package io.cordon.account.service;

import io.cordon.contracts.ActionType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Graph application permissions each action needs; any one of the listed alternatives will do
 * (least privileged first). Used to refuse an action up front instead of failing it per account.
 */
public final class RequiredPermissions {
  private static final Map<ActionType, List<String>> ANY_OF =
      Map.of(
          ActionType.REVOKE_SESSIONS, List.of("User.RevokeSessions.All", "User.ReadWrite.All"),
          ActionType.RESET_PASSWORD,
              List.of("User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All"),
          ActionType.DISABLE_ACCOUNT,
              List.of("User.EnableDisableAccount.All", "User.ReadWrite.All"),
          ActionType.CONFIRM_COMPROMISED, List.of("IdentityRiskyUser.ReadWrite.All"),
          ActionType.REVOKE_OAUTH_GRANTS, List.of("DelegatedPermissionGrant.ReadWrite.All"),
          ActionType.REMOVE_FORWARDING_RULES, List.of("MailboxSettings.ReadWrite"),
          ActionType.REMOVE_MFA_METHODS, List.of("UserAuthenticationMethod.ReadWrite.All"),
          ActionType.ISSUE_TEMPORARY_ACCESS_PASS, List.of("UserAuthenticationMethod.ReadWrite.All"),
          ActionType.REMOVE_PRIVILEGED_ROLES, List.of("RoleManagement.ReadWrite.Directory"));

  private RequiredPermissions() {}

  /** Null when the granted roles allow the action, else a sentence naming what is missing. */
  public static String missingFor(ActionType action, Set<String> granted) {
    List<String> alternatives = ANY_OF.getOrDefault(action, List.of());
    if (alternatives.isEmpty() || alternatives.stream().anyMatch(granted::contains)) {
      return null;
    }
    return "app registration lacks "
        + String.join(" or ", alternatives)
        + " (application permission) for "
        + action;
  }
}
