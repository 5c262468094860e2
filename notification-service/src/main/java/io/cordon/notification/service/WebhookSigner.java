package io.cordon.notification.service;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard Webhooks signatures made by the reference library ({@code com.standardwebhooks}), the
 * one partners verify with, so the signed content and encoding cannot differ from theirs. What the
 * library leaves to us is rotation: one {@code v1,<base64>} signature per signing key,
 * space-separated, so that a receiver holding either the old or the new secret accepts the notice.
 */
public final class WebhookSigner {

  private WebhookSigner() {}

  /** The {@code webhook-signature} header value; {@code keys} must not be empty. */
  public static String signature(
      List<byte[]> keys, String webhookId, long timestampSeconds, String body) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no signing key");
    }
    List<String> signatures = new ArrayList<>(keys.size());
    for (byte[] key : keys) {
      signatures.add(sign(key, webhookId, timestampSeconds, body));
    }
    return String.join(" ", signatures);
  }

  private static String sign(byte[] key, String webhookId, long timestampSeconds, String body) {
    try {
      // the library keeps a reference to the key, not a copy: the caller's wipe still reaches it
      return new Webhook(key).sign(webhookId, timestampSeconds, body);
    } catch (EmptyWebhookSecretException e) {
      throw new IllegalArgumentException("empty signing key");
    } catch (WebhookSigningException e) {
      // HMAC-SHA256 is part of every JRE; say no more than that, so no key material can follow
      throw new IllegalStateException("HMAC-SHA256 signing failed");
    }
  }
}
