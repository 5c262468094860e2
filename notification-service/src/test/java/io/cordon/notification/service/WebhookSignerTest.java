package io.cordon.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures, checked by the reference Standard Webhooks verifier a partner would use. */
class WebhookSignerTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BODY =
      "{\"type\":\"cordon.partner-notice.v1\",\"data\":{\"tlp\":\"TLP:AMBER\",\"note\":\"ü\"}}";

  @Test
  void theLibrarysVerifierAcceptsOurSignature() throws Exception {
    byte[] key = key();
    long now = Instant.now().getEpochSecond();

    String signature = WebhookSigner.signature(List.of(key), "msg_1", now, BODY);

    assertThat(signature).startsWith("v1,").doesNotContain(" ");
    assertThatCode(() -> verifier(key).verify(BODY, headers("msg_1", now, signature)))
        .doesNotThrowAnyException();
    assertThat(signature)
        .isEqualTo(
            new Webhook("whsec_" + Base64.getEncoder().encodeToString(key))
                .sign("msg_1", now, BODY));
  }

  @Test
  void duringRotationEitherSecretVerifies() throws Exception {
    byte[] old = key();
    byte[] current = key();
    long now = Instant.now().getEpochSecond();

    String signature = WebhookSigner.signature(List.of(old, current), "msg_2", now, BODY);

    assertThat(signature.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
    verifier(old).verify(BODY, headers("msg_2", now, signature));
    verifier(current).verify(BODY, headers("msg_2", now, signature));
  }

  @Test
  void anyChangeToIdTimestampOrBodyBreaksTheSignature() throws Exception {
    byte[] key = key();
    long now = Instant.now().getEpochSecond();
    String signature = WebhookSigner.signature(List.of(key), "msg_3", now, BODY);

    assertThatThrownBy(() -> verifier(key).verify(BODY + " ", headers("msg_3", now, signature)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifier(key).verify(BODY, headers("msg_4", now, signature)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifier(key).verify(BODY, headers("msg_3", now - 1, signature)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifier(key()).verify(BODY, headers("msg_3", now, signature)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void noKeyNoSignature() {
    assertThatThrownBy(() -> WebhookSigner.signature(List.of(), "msg", 1, BODY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  private static Webhook verifier(byte[] key) throws Exception {
    return new Webhook("whsec_" + Base64.getEncoder().encodeToString(key));
  }

  private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
    return Map.of(
        "webhook-id", List.of(id),
        "webhook-timestamp", List.of(Long.toString(timestamp)),
        "webhook-signature", List.of(signature));
  }
}
