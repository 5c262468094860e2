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
          Map.entry(
              ActionType.REMOVE_MFA_METHODS, List.of("UserAuthenticationMethod.ReadWrite.All")),
          // Create temporaryAccessPassMethod (v1.0 reference): application permission
          Map.entry(
              ActionType.ISSUE_TEMPORARY_ACCESS_PASS,
              List.of("UserAuthenticationMethod.ReadWrite.All")),
          Map.entry(
              ActionType.REMOVE_PRIVILEGED_ROLES, List.of("RoleManagement.ReadWrite.Directory")));

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
