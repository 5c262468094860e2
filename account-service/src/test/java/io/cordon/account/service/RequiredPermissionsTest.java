package io.cordon.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.ActionType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredPermissionsTest {

  @Test
  void leastPrivilegedOrBroadPermissionAllowsTheAction() {
    assertThat(
            RequiredPermissions.missingFor(
                ActionType.REVOKE_SESSIONS, Set.of("User.RevokeSessions.All")))
        .isNull();
    assertThat(
            RequiredPermissions.missingFor(ActionType.RESET_PASSWORD, Set.of("User.ReadWrite.All")))
        .isNull();
  }

  @Test
  void missingPermissionIsNamedBeforeAnyCall() {
    String missing =
        RequiredPermissions.missingFor(
            ActionType.CONFIRM_COMPROMISED, Set.of("User.ReadWrite.All"));

    assertThat(missing).contains("IdentityRiskyUser.ReadWrite.All").contains("CONFIRM_COMPROMISED");
  }

  @Test
  void everyGraphActionHasItsPermissionListed() {
    for (ActionType action : ActionType.values()) {
      if (action != ActionType.NOTIFY_PARTNERS) {
        assertThat(RequiredPermissions.missingFor(action, Set.of())).as("%s", action).isNotNull();
      }
    }
  }
}
