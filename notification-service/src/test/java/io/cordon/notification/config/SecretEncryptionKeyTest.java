package io.cordon.notification.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretEncryptionKeyTest {
  private static final String PROPERTY = "cordon.notification.secret-encryption-key";

  @Test
  void missingKeyStopsStartWithWhatToSet() {
    for (Optional<String> missing :
        java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
      assertThatThrownBy(() -> SecretEncryptionKey.decode(missing))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(PROPERTY + " is not set")
          .hasMessageContaining("CORDON_NOTIFICATION_SECRET_ENCRYPTION_KEY")
          .hasMessageContaining("openssl rand -base64 32");
    }
  }

  @Test
  void nonBase64KeyIsRefusedWithoutEchoingIt() {
    String configured = "my-secret-passphrase!";

    assertThatThrownBy(() -> SecretEncryptionKey.decode(Optional.of(configured)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining(configured);
  }

  @Test
  void keyOfWrongLengthIsRefused() {
    String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> SecretEncryptionKey.decode(Optional.of(sixteenBytes)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must decode to 32 bytes but decodes to 16")
        .hasMessageNotContaining(sixteenBytes);
  }

  @Test
  void thirtyTwoByteKeyIsDecoded() {
    byte[] key = new byte[32];
    key[0] = 42;

    assertThat(
            SecretEncryptionKey.decode(
                Optional.of(" " + Base64.getEncoder().encodeToString(key) + "\n")))
        .isEqualTo(key);
  }
}
