package io.cordon.playbook.service.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.commons.security.TokenSettingsGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevSignInGuardTest {
  private static final String LOCAL = TokenSettingsGuard.LOCAL_ISSUER;

  @Test
  void enabledInProductionWithoutTheLocalStackFlagStopsTheStart() {
    assertThatThrownBy(() -> DevSignInGuard.check(true, false, List.of("prod"), LOCAL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cordon.dashboard.dev-sign-in.enabled=true")
        .hasMessageContaining("[prod]")
        .hasMessageContaining("cordon.dashboard.dev-sign-in.local-stack=true");
    assertThatThrownBy(
            () -> DevSignInGuard.check(true, false, List.of("staging", "kubernetes"), LOCAL))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void devTestAndTheLocalStackMayEnableIt() {
    assertThatCode(() -> DevSignInGuard.check(true, false, List.of("dev"), LOCAL))
        .doesNotThrowAnyException();
    assertThatCode(() -> DevSignInGuard.check(true, false, List.of("test", "browser"), LOCAL))
        .doesNotThrowAnyException();
    assertThatCode(() -> DevSignInGuard.check(true, true, List.of("prod"), LOCAL))
        .doesNotThrowAnyException();
  }

  @Test
  void theLocalStackSignsAsItsOwnIssuerOnly() {
    String production = "https://login.microsoftonline.com/72f988bf/v2.0";
    assertThatThrownBy(() -> DevSignInGuard.check(true, true, List.of("prod"), production))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cordon.dashboard.dev-sign-in.issuer is " + production)
        .hasMessageContaining(LOCAL);
  }

  @Test
  void theDefaultIssuerIsTheLocalOne() throws Exception {
    var issuer = io.cordon.playbook.config.DashboardConfig.DevSignIn.class.getMethod("issuer");
    assertThat(issuer.getAnnotation(io.smallrye.config.WithDefault.class).value()).isEqualTo(LOCAL);
  }

  @Test
  void switchedOffItNeverStopsTheStart() {
    assertThatCode(() -> DevSignInGuard.check(false, false, List.of("prod"), LOCAL))
        .doesNotThrowAnyException();
  }
}
