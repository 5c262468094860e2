package io.cordon.commons.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.commons.security.TokenSettingsGuard.Settings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenSettingsGuardTest {
  private static final Optional<String> ENTRA =
      Optional.of("https://login.microsoftonline.com/72f988bf/v2.0");

  @Test
  void noAudienceStopsTheStart() {
    assertThatThrownBy(
            () ->
                TokenSettingsGuard.check(
                    new Settings(List.of(), ENTRA, false, false), List.of("prod")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mp.jwt.verify.audiences is not set")
        .hasMessageContaining("[prod]");
    assertThatThrownBy(
            () ->
                TokenSettingsGuard.check(
                    new Settings(List.of(" "), ENTRA, false, false), List.of("prod")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anAudienceOrTheExplicitAllowanceStarts() {
    assertThatCode(
            () ->
                TokenSettingsGuard.check(
                    new Settings(List.of("api://cordon"), ENTRA, false, false), List.of("prod")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                TokenSettingsGuard.check(
                    new Settings(List.of(), ENTRA, true, false), List.of("dev")))
        .doesNotThrowAnyException();
  }

  @Test
  void theLocalIssuerIsTrustedOnlyByTheLocalStackDevAndTest() {
    Optional<String> local = Optional.of(TokenSettingsGuard.LOCAL_ISSUER);
    List<String> audience = List.of("api://cordon-local");
    assertThatThrownBy(
            () ->
                TokenSettingsGuard.check(
                    new Settings(audience, local, false, false), List.of("prod")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("local stack's dev issuer")
        .hasMessageContaining("cordon.security.token.local-stack=true");
    assertThatCode(
            () ->
                TokenSettingsGuard.check(
                    new Settings(audience, local, false, true), List.of("prod")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                TokenSettingsGuard.check(
                    new Settings(audience, local, false, false), List.of("test")))
        .doesNotThrowAnyException();
  }
}
