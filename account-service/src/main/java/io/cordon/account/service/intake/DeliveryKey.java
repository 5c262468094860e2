package io.cordon.account.service.intake;

import io.cordon.commons.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two deliveries of a report the same one: the key the sender gave it (an {@code
 * Idempotency-Key} header, or a detection's {@code webhook-id}, which Standard Webhooks keeps
 * across retries) and a hash of the body, so a key reused for a different body is told apart.
 * {@code field} names where the key came from, for problems about it.
 */
public record DeliveryKey(String field, String key, String bodySha256) {
  static final int MAX_LENGTH = 255;

  /** The key of a delivery, or null when the sender gave none. */
  public static DeliveryKey of(String field, String key, byte[] body) {
    if (key == null || key.isBlank()) {
      return null;
    }
    String trimmed = key.strip();
    if (trimmed.length() > MAX_LENGTH || !trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ProblemException.invalidField(
          field, "must be 1-" + MAX_LENGTH + " visible ASCII characters");
    }
    return new DeliveryKey(field, trimmed, sha256(body));
  }

  public static DeliveryKey of(String field, String key, String body) {
    return of(field, key, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
