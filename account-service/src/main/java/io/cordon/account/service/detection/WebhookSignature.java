package io.cordon.account.service.detection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a Standard Webhooks signature (standardwebhooks.com): {@code webhook-signature} holds
 * space-separated {@code v1,<base64 HMAC-SHA256>} over {@code
 * "<webhook-id>.<webhook-timestamp>.<raw body>"}, keyed with the base64 secret after its {@code
 * whsec_} prefix; the timestamp must be within five minutes of now. Several secrets may be
 * configured (rotation): one match is enough.
 *
 * <p>Failure reasons never contain a secret or an expected signature.
 */
public final class WebhookSignature {
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final String SECRET_PREFIX = "whsec_";
  private static final String VERSION = "v1";

  private WebhookSignature() {}

  /** Empty when one of the secrets signed this request, else why it fails. */
  public static Optional<String> check(
      List<String> secrets, WebhookHeaders headers, byte[] body, Instant now) {
    if (headers.id() == null || headers.timestamp() == null || headers.signature() == null) {
      return Optional.of(
          "webhook-id, webhook-timestamp and webhook-signature headers are required");
    }
    long seconds;
    try {
      seconds = Long.parseLong(headers.timestamp().strip());
    } catch (NumberFormatException e) {
      return Optional.of("webhook-timestamp is not a Unix time in seconds");
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
      return Optional.of("webhook-timestamp is more than 5 minutes away from the server's clock");
    }
    byte[] signed = signedContent(headers.id(), headers.timestamp().strip(), body);
    for (String secret : secrets) {
      byte[] expected =
          Base64.getEncoder().encode(hmac(key(secret), signed)); // ASCII of the base64 text
      for (String candidate : headers.signature().strip().split(" +")) {
        int comma = candidate.indexOf(',');
        if (comma > 0
            && VERSION.equals(candidate.substring(0, comma))
            && MessageDigest.isEqual(
                expected, candidate.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) {
          return Optional.empty();
        }
      }
    }
    return Optional.of("no v1 signature in webhook-signature matches the configured secret");
  }

  /** The {@code v1,<base64>} signature a sender computes; for tests and documentation. */
  public static String sign(String secret, String id, long timestamp, byte[] body) {
    byte[] mac = hmac(key(secret), signedContent(id, Long.toString(timestamp), body));
    return VERSION + "," + Base64.getEncoder().encodeToString(mac);
  }

  private static byte[] signedContent(String id, String timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(body, 0, content, prefix.length, body.length);
    return content;
  }

  private static byte[] key(String secret) {
    String encoded = secret.strip();
    if (encoded.startsWith(SECRET_PREFIX)) {
      encoded = encoded.substring(SECRET_PREFIX.length());
    }
    try {
      byte[] key = Base64.getDecoder().decode(encoded);
      if (key.length == 0) {
        throw new IllegalArgumentException("empty");
      }
      return key;
    } catch (IllegalArgumentException e) {
      // the message must not carry the secret
      throw new IllegalStateException(
          "a configured webhook secret is not base64 (expected whsec_<base64>)");
    }
  }

  private static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
