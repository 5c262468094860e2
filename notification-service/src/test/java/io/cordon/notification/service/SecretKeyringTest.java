package io.cordon.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key rotation: the current key seals, previous keys open what they sealed. */
class SecretKeyringTest {
  private static final byte[] OWNER = "partner-1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }

  @Test
  void aSecretSealedUnderThePreviousKeyStillOpensAfterRotation() {
    byte[] oldKey = random(32);
    byte[] newKey = random(32);
    byte[] secret = random(32);
    SecretCipher.Sealed beforeRotation = new SecretKeyring(oldKey, List.of()).seal(secret, OWNER);

    SecretKeyring rotated = new SecretKeyring(newKey, List.of(oldKey));

    assertThat(rotated.open(beforeRotation, OWNER)).isEqualTo(secret);
    assertThat(rotated.isStale(beforeRotation.keyId())).isTrue();
    SecretCipher.Sealed afterRotation = rotated.seal(secret, OWNER);
    assertThat(afterRotation.keyId())
        .isEqualTo(rotated.currentKeyId())
        .isNotEqualTo(beforeRotation.keyId());
    assertThat(rotated.isStale(afterRotation.keyId())).isFalse();
    assertThat(new SecretKeyring(newKey, List.of()).open(afterRotation, OWNER)).isEqualTo(secret);
  }

  @Test
  void aKeyDroppedFromTheRingNamesTheMissingKeyId() {
    byte[] oldKey = random(32);
    SecretCipher.Sealed sealed = new SecretKeyring(oldKey, List.of()).seal(random(32), OWNER);
    SecretKeyring withoutIt = new SecretKeyring(random(32), List.of(random(32)));

    assertThatThrownBy(() -> withoutIt.open(sealed, OWNER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(sealed.keyId())
        .hasMessageContaining(withoutIt.currentKeyId())
        .hasMessageContaining("cordon.notification.previous-secret-encryption-keys");
  }

  @Test
  void previousKeysNeverSeal() {
    byte[] oldKey = random(32);
    SecretKeyring ring = new SecretKeyring(random(32), List.of(oldKey));

    assertThat(ring.seal(random(32), OWNER).keyId())
        .isNotEqualTo(new SecretCipher(oldKey).keyId())
        .isEqualTo(ring.currentKeyId());
  }
}
