package io.cordon.notification.config;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Decodes {@code cordon.notification.secret-encryption-key}; every refusal says what to set and
 * never repeats the configured value.
 */
public final class SecretEncryptionKey {
  public static final String PROPERTY = "cordon.notification.secret-encryption-key";
  public static final String PREVIOUS = "cordon.notification.previous-secret-encryption-keys";
  public static final int KEY_BYTES = 32;

  private static final String HOW_TO =
      " Set "
          + PROPERTY
          + " (environment: CORDON_NOTIFICATION_SECRET_ENCRYPTION_KEY) to 32 random bytes in"
          + " base64, e.g. the output of `openssl rand -base64 32`; partner webhook secrets are"
          + " stored encrypted with AES-256-GCM under it.";

  private SecretEncryptionKey() {}

  /** The raw key bytes, or an {@link IllegalStateException} explaining what is wrong. */
  public static byte[] decode(Optional<String> configured) {
    String value = configured.map(String::strip).orElse("");
    if (value.isEmpty()) {
      throw new IllegalStateException(PROPERTY + " is not set." + HOW_TO);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(PROPERTY + " is not valid base64." + HOW_TO);
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(
          PROPERTY + " must decode to 32 bytes but decodes to " + key.length + "." + HOW_TO);
    }
    return key;
  }

  /** The previous keys' bytes (none when unset); a malformed one stops the start, unrepeated. */
  public static List<byte[]> decodePrevious(Optional<List<String>> configured) {
    List<String> values = configured.orElse(List.of());
    List<byte[]> keys = new java.util.ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i).strip();
      if (value.isEmpty()) {
        continue;
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(PREVIOUS + ": entry " + (i + 1) + " is not valid base64.");
      }
      if (key.length != KEY_BYTES) {
        throw new IllegalStateException(
            PREVIOUS + ": entry " + (i + 1) + " decodes to " + key.length + " bytes, not 32.");
      }
      keys.add(key);
    }
    return keys;
  }
}
