package io.cordon.playbook.service.dashboard;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevSignInGuardTest {

  @Test
  void enabledInProductionWithoutTheLocalStackFlagStopsTheStart() {
    assertThatThrownBy(() -> DevSignInGuard.check(true, false, List.of("prod")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cordon.dashboard.dev-sign-in.enabled=true")
        .hasMessageContaining("[prod]")
        .hasMessageContaining("cordon.dashboard.dev-sign-in.local-stack=true");
    assertThatThrownBy(() -> DevSignInGuard.check(true, false, List.of("staging", "kubernetes")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void devTestAndTheLocalStackMayEnableIt() {
    assertThatCode(() -> DevSignInGuard.check(true, false, List.of("dev")))
        .doesNotThrowAnyException();
    assertThatCode(() -> DevSignInGuard.check(true, false, List.of("test", "browser")))
        .doesNotThrowAnyException();
    assertThatCode(() -> DevSignInGuard.check(true, true, List.of("prod")))
        .doesNotThrowAnyException();
  }

  @Test
  void switchedOffItNeverStopsTheStart() {
    assertThatCode(() -> DevSignInGuard.check(false, false, List.of("prod")))
        .doesNotThrowAnyException();
  }
}
