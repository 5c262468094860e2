package io.cordon.commons.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs anchors and tells a genuine one from a forged or damaged one. */
@ApplicationScoped
public class AuditAnchorKey {
  static final String ALGORITHM = "HmacSHA256";
  private static final String KEY = "cordon.audit.anchor.key";

  @Inject AuditAnchorConfig config;

  private volatile SecretKeySpec key;

  public String sign(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key());
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  public boolean isGenuine(AuditAnchor anchor) {
    if (anchor.signature() == null) {
      return false;
    }
    byte[] expected = sign(anchor.signedText()).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, anchor.signature().getBytes(StandardCharsets.US_ASCII));
  }

  /** Checks the configured key; called at start so a missing or weak key stops the service. */
  void check() {
    key();
  }

  private SecretKeySpec key() {
    SecretKeySpec current = key;
    if (current == null) {
      current = new SecretKeySpec(decode(config.key().orElse(null)), ALGORITHM);
      key = current;
    }
    return current;
  }

  static byte[] decode(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      throw new IllegalStateException(
          KEY + " is not set: audit anchors are signed with it (docs/operations.md)");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(KEY + " is not base64");
    }
    if (raw.length < 32) {
      throw new IllegalStateException(KEY + " must be at least 32 random bytes, base64");
    }
    return raw;
  }
}
