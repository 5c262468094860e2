package io.cordon.account.service.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.account.config.TemporaryAccessPassConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * AES-256-GCM sealing of Temporary Access Passes: bound to account and action, key never echoed.
 */
class PassSealTest {
  private static final String KEY =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  private static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

  @Test
  void opensWhatItSealedForTheSameAccountAndActionOnly() {
    PassSeal seal = seal(KEY);
    PassSeal.Sealed sealed = seal.seal("+drkzqAD", "user-1", "action-1");

    assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain("drkzq");
    assertThat(sealed.nonce()).hasSize(12);
    assertThat(sealed.toString()).doesNotContain("drkzq");
    assertThat(seal.open(sealed, "user-1", "action-1")).isEqualTo("+drkzqAD");
    assertThatThrownBy(() -> seal.open(sealed, "user-2", "action-1"))
        .hasMessageNotContaining("drkzq")
        .hasMessageContaining("wrong key or altered row");
    assertThatThrownBy(() -> seal(OTHER_KEY).open(sealed, "user-1", "action-1"))
        .hasMessageContaining("wrong key or altered row");
  }

  @Test
  void everySealUsesAFreshNonce() {
    PassSeal seal = seal(KEY);
    assertThat(seal.seal("same", "u", "a").nonce())
        .isNotEqualTo(seal.seal("same", "u", "a").nonce());
  }

  @Test
  void aMissingOrShortKeyIsNamedWithoutItsValue() {
    assertThat(seal(null).configured()).isFalse();
    String shortKey = Base64.getEncoder().encodeToString("too-short".getBytes());
    assertThat(seal(shortKey).configured()).isFalse();
    assertThat(seal("not base64 at all!").configured()).isFalse();
    assertThat(seal(KEY).configured()).isTrue();
    assertThatThrownBy(() -> seal(shortKey).seal("x", "u", "a"))
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining(shortKey);
  }

  private static PassSeal seal(String key) {
    PassSeal seal = new PassSeal();
    seal.config =
        new TemporaryAccessPassConfig() {
          @Override
          public Duration lifetime() {
            return Duration.ofMinutes(60);
          }

          @Override
          public boolean usableOnce() {
            return true;
          }

          @Override
          public Optional<String> sealKey() {
            return Optional.ofNullable(key);
          }

          @Override
          public String sealKeyId() {
            return "1";
          }
        };
    return seal;
  }
}
