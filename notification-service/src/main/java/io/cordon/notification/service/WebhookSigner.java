package io.cordon.notification.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, one per
 * signing key, space-separated, so that a receiver holding either the old or the new secret accepts
 * the notice while a secret rotates.
 */
public final class WebhookSigner {
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSigner() {}

  /** The {@code webhook-signature} header value; {@code keys} must not be empty. */
  public static String signature(
      List<byte[]> keys, String webhookId, long timestampSeconds, String body) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no signing key");
    }
    byte[] signed =
        (webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
    List<String> signatures = new ArrayList<>(keys.size());
    for (byte[] key : keys) {
      signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(key, signed)));
    }
    return String.join(" ", signatures);
  }

  private static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
