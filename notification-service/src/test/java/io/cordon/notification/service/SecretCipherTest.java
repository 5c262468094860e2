package io.cordon.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] OWNER = "partner-1".getBytes(StandardCharsets.US_ASCII);

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }

  @Test
  void sealedSecretOpensWithTheSameKeyAndOwner() {
    SecretCipher cipher = new SecretCipher(random(32));
    byte[] secret = random(32);

    SecretCipher.Sealed sealed = cipher.seal(secret, OWNER);

    assertThat(sealed.nonce()).hasSize(12);
    assertThat(sealed.ciphertext()).hasSize(secret.length + 16).isNotEqualTo(secret);
    assertThat(sealed.keyId()).isEqualTo(cipher.keyId()).hasSize(16);
    assertThat(cipher.open(sealed, OWNER)).isEqualTo(secret);
  }

  @Test
  void everySealUsesAFreshNonce() {
    SecretCipher cipher = new SecretCipher(random(32));
    byte[] secret = random(32);

    SecretCipher.Sealed first = cipher.seal(secret, OWNER);
    SecretCipher.Sealed second = cipher.seal(secret, OWNER);

    assertThat(first.nonce()).isNotEqualTo(second.nonce());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
  }

  @Test
  void anotherOwnersSealedSecretDoesNotOpen() {
    SecretCipher cipher = new SecretCipher(random(32));
    SecretCipher.Sealed sealed = cipher.seal(random(32), OWNER);

    assertThatThrownBy(() -> cipher.open(sealed, "partner-2".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("altered or belongs to another owner");
  }

  @Test
  void alteredCiphertextDoesNotOpen() {
    SecretCipher cipher = new SecretCipher(random(32));
    SecretCipher.Sealed sealed = cipher.seal(random(32), OWNER);
    byte[] altered = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length);
    altered[0] ^= 1;

    assertThatThrownBy(
            () ->
                cipher.open(
                    new SecretCipher.Sealed(sealed.keyId(), sealed.nonce(), altered), OWNER))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void secretSealedUnderAnotherKeyNamesBothKeys() {
    SecretCipher old = new SecretCipher(random(32));
    SecretCipher current = new SecretCipher(random(32));
    SecretCipher.Sealed sealed = old.seal(random(32), OWNER);

    assertThatThrownBy(() -> current.open(sealed, OWNER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(old.keyId())
        .hasMessageContaining(current.keyId());
  }

  @Test
  void onlyAes256KeysAreAccepted() {
    assertThatThrownBy(() -> new SecretCipher(random(16)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
