package io.cordon.account.service.detection;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a Standard Webhooks signature (standardwebhooks.com) with the reference library ({@code
 * com.standardwebhooks}): {@code webhook-signature} holds space-separated {@code v1,<base64
 * HMAC-SHA256>} over {@code "<webhook-id>.<webhook-timestamp>.<raw body>"}, keyed with the base64
 * secret after its {@code whsec_} prefix; the library also refuses a timestamp more than five
 * minutes away from the server's clock. Several secrets may be configured (rotation): one match is
 * enough.
 *
 * <p>Failure reasons never contain a secret or an expected signature.
 */
public final class WebhookSignature {

  private WebhookSignature() {}

  /** Empty when one of the secrets signed this request, else why it fails. */
  public static Optional<String> check(List<String> secrets, WebhookHeaders headers, byte[] body) {
    Optional<String> payload = utf8(body);
    if (payload.isEmpty()) {
      return Optional.of("the body is not UTF-8 text, so its signature cannot be checked");
    }
    Map<String, List<String>> present = present(headers);
    String failure = null;
    for (String secret : secrets) {
      try {
        webhook(secret).verify(payload.get(), present);
        return Optional.empty();
      } catch (WebhookVerificationException e) {
        failure = reason(e.getMessage());
      }
    }
    return Optional.ofNullable(failure);
  }

  /** The {@code v1,<base64>} signature a sender computes; for tests and documentation. */
  public static String sign(String secret, String id, long timestamp, byte[] body) {
    try {
      return webhook(secret).sign(id, timestamp, new String(body, StandardCharsets.UTF_8));
    } catch (WebhookSigningException e) {
      throw new IllegalStateException("HMAC-SHA256 signing failed");
    }
  }

  /**
   * The library signs text as UTF-8. A body that is not valid UTF-8 would be altered by decoding
   * (replacement characters), so two different bodies could share a signature: refuse it instead.
   */
  private static Optional<String> utf8(byte[] body) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Map<String, List<String>> present(WebhookHeaders headers) {
    Map<String, List<String>> present = new LinkedHashMap<>();
    put(present, "webhook-id", headers.id());
    put(present, "webhook-timestamp", headers.timestamp());
    put(present, "webhook-signature", headers.signature());
    return present;
  }

  private static void put(Map<String, List<String>> headers, String name, String value) {
    if (value != null) {
      headers.put(name, List.of(value.strip()));
    }
  }

  private static Webhook webhook(String secret) {
    try {
      return new Webhook(secret.strip());
    } catch (IllegalArgumentException | EmptyWebhookSecretException e) {
      // Base64's message may quote a character of the secret: say only what is expected
      throw new IllegalStateException(
          "a configured webhook secret is not base64 (expected whsec_<base64>)");
    }
  }

  /** The library's reasons, in the words the API has always used; unknown ones as they are. */
  private static String reason(String libraryMessage) {
    String message = libraryMessage == null ? "" : libraryMessage;
    if (message.startsWith("Missing required headers")) {
      return "webhook-id, webhook-timestamp and webhook-signature headers are required";
    }
    if (message.startsWith("Invalid Signature Headers")) {
      return "webhook-timestamp is not a Unix time in seconds";
    }
    if (message.startsWith("Message timestamp too")) {
      return "webhook-timestamp is more than 5 minutes away from the server's clock";
    }
    if (message.startsWith("No matching signature")) {
      return "no v1 signature in webhook-signature matches the configured secret";
    }
    return "Standard Webhooks verification failed: " + message;
  }
}
