package io.cordon.notification.service;

import java.util.Base64;
import java.util.Optional;

/**
 * Standard Webhooks secrets: {@code whsec_} followed by the base64 of 24 to 64 random bytes.
 * Reasons never repeat the secret.
 */
public final class WebhookSecretFormat {
  public static final String PREFIX = "whsec_";
  public static final int MIN_BYTES = 24;
  public static final int MAX_BYTES = 64;

  private WebhookSecretFormat() {}

  /** Why {@code secret} is not acceptable, or empty if it is. */
  public static Optional<String> problem(String secret) {
    try {
      decode(secret);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The key bytes of a {@code whsec_} secret; IllegalArgumentException says what is wrong. */
  public static byte[] decode(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "must be a Standard Webhooks secret starting with " + PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the part after " + PREFIX + " must be base64");
    }
    if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "must decode to "
              + MIN_BYTES
              + " to "
              + MAX_BYTES
              + " bytes after "
              + PREFIX
              + " but decodes to "
              + key.length);
    }
    return key;
  }
}
