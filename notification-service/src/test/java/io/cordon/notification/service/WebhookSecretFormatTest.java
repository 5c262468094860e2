package io.cordon.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretFormatTest {

  private static String secretOf(int bytes) {
    byte[] key = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      key[i] = (byte) (i * 7 + 3);
    }
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  @ParameterizedTest
  @ValueSource(ints = {24, 32, 64})
  void acceptsStandardWebhooksSecretsOf24To64Bytes(int bytes) {
    String secret = secretOf(bytes);

    assertThat(WebhookSecretFormat.problem(secret)).isEmpty();
    assertThat(WebhookSecretFormat.decode(secret))
        .isEqualTo(Base64.getDecoder().decode(secret.substring(6)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 16, 23, 65, 128})
  void refusesOtherLengthsSayingSo(int bytes) {
    String secret = secretOf(bytes);

    assertThat(WebhookSecretFormat.problem(secret))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("24 to 64 bytes", "decodes to " + bytes)
                    .doesNotContain(
                        secret.substring(6).isEmpty() ? "\u0000" : secret.substring(6)));
  }

  @Test
  void refusesSecretsWithoutThePrefix() {
    String bare = secretOf(32).substring(6);

    assertThat(WebhookSecretFormat.problem(bare))
        .hasValueSatisfying(r -> assertThat(r).contains("whsec_"));
    assertThat(WebhookSecretFormat.problem("WHSEC_" + bare)).isPresent();
    assertThat(WebhookSecretFormat.problem("correct horse battery staple")).isPresent();
    assertThat(WebhookSecretFormat.problem(null)).isPresent();
  }

  @Test
  void refusesNonBase64AfterThePrefix() {
    String secret = "whsec_this is not base64 at all!";

    assertThat(WebhookSecretFormat.problem(secret))
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("base64").doesNotContain("not base64 at all"));
    assertThatThrownBy(() -> WebhookSecretFormat.decode(secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("at all");
  }
}
