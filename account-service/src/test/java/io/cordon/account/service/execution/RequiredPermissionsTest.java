package io.cordon.account.service.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.GraphPermissionRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredPermissionsTest {

  @Test
  void leastPrivilegedOrBroadPermissionAllowsTheAction() {
    assertThat(
            GraphPermissionRules.missingFor(
                ActionType.REVOKE_SESSIONS, Set.of("User.RevokeSessions.All")))
        .isNull();
    assertThat(
            GraphPermissionRules.missingFor(
                ActionType.RESET_PASSWORD, Set.of("User.ReadWrite.All")))
        .isNull();
  }

  @Test
  void missingPermissionIsNamedBeforeAnyCall() {
    String missing =
        GraphPermissionRules.missingFor(
            ActionType.CONFIRM_COMPROMISED, Set.of("User.ReadWrite.All"));

    assertThat(missing).contains("IdentityRiskyUser.ReadWrite.All").contains("CONFIRM_COMPROMISED");
  }

  @Test
  void privilegedRoleRemovalAlsoNeedsAGroupMemberPermission() {
    // role-assignable group memberships change only with both permissions (Remove member, v1.0)
    assertThat(
            GraphPermissionRules.missingFor(
                ActionType.REMOVE_PRIVILEGED_ROLES, Set.of("RoleManagement.ReadWrite.Directory")))
        .contains("GroupMember.ReadWrite.All")
        .doesNotContain("RoleManagement.ReadWrite.Directory or");
    assertThat(
            GraphPermissionRules.missingFor(
                ActionType.REMOVE_PRIVILEGED_ROLES,
                Set.of("RoleManagement.ReadWrite.Directory", "GroupMember.ReadWrite.All")))
        .isNull();
    assertThat(
            GraphPermissionRules.missingFor(
                ActionType.REMOVE_MAIL_RULES, Set.of("MailboxSettings.ReadWrite")))
        .isNull();
  }

  @Test
  void everyGraphActionHasItsPermissionListed() {
    for (ActionType action : ActionType.values()) {
      if (action != ActionType.NOTIFY_PARTNERS) {
        assertThat(GraphPermissionRules.missingFor(action, Set.of())).as("%s", action).isNotNull();
      }
    }
  }

  @Test
  void consentRemovalNeedsEveryPermissionItUses() {
    assertThat(
            GraphPermissionRules.missingFor(
                ActionType.REMOVE_APP_CONSENTS,
                Set.of("AppRoleAssignment.ReadWrite.All", "Application.Read.All")))
        .contains("DelegatedPermissionGrant.ReadWrite.All");
    assertThat(
            GraphPermissionRules.missingFor(
                ActionType.REMOVE_APP_CONSENTS,
                Set.of(
                    "AppRoleAssignment.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All")))
        .contains("Application.Read.All or Application.ReadWrite.All");
    assertThat(
            GraphPermissionRules.missingFor(
                ActionType.REMOVE_APP_CONSENTS,
                Set.of(
                    "AppRoleAssignment.ReadWrite.All",
                    "DelegatedPermissionGrant.ReadWrite.All",
                    "Application.Read.All")))
        .isNull();
    assertThat(GraphPermissionRules.requirements(ActionType.REMOVE_APP_CONSENTS)).hasSize(3);
  }

  @Test
  void disablingDevicesNeedsADeviceRoleOfTheApp() {
    assertThat(GraphPermissionRules.missingAppRoleFor(ActionType.DISABLE_DEVICES, Set.of()))
        .contains("Cloud Device Administrator")
        .contains("Intune Administrator");
    assertThat(
            GraphPermissionRules.missingAppRoleFor(
                ActionType.DISABLE_DEVICES, Set.of("7698a772-787b-4ac8-901f-60d6b08affd2")))
        .isNull();
    assertThat(
            GraphPermissionRules.missingAppRoleFor(
                ActionType.DISABLE_DEVICES, Set.of("Intune Administrator")))
        .isNull();
    assertThat(GraphPermissionRules.missingAppRoleFor(ActionType.REMOVE_APP_CONSENTS, Set.of()))
        .isNull();
  }
}
