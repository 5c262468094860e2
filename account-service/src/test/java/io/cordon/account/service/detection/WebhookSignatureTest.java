package io.cordon.account.service.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  // the reference vector of the Standard Webhooks specification's libraries
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String TIMESTAMP = "1614265330";
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant SENT = Instant.ofEpochSecond(1614265330);

  @Test
  void referenceVectorVerifies() {
    assertThat(check(List.of(SECRET), SIGNATURE, BODY, SENT.plusSeconds(299))).isEmpty();
    assertThat(WebhookSignature.sign(SECRET, ID, 1614265330, BODY)).isEqualTo(SIGNATURE);
  }

  @Test
  void secretWithoutPrefixAndRotatedSecretsVerify() {
    String other = "whsec_" + "c2VjcmV0LW9mLWEtcm90YXRlZC1lbmRwb2ludA==";
    assertThat(check(List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), SIGNATURE, BODY, SENT)).isEmpty();
    assertThat(check(List.of(other, SECRET), SIGNATURE, BODY, SENT)).isEmpty();
    assertThat(check(List.of(SECRET), "v1,bm90LWl0 " + SIGNATURE, BODY, SENT)).isEmpty();
  }

  @Test
  void tamperedBodyWrongSecretOrOtherVersionFails() {
    byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
    String other = "whsec_c2VjcmV0LW9mLWEtcm90YXRlZC1lbmRwb2ludA==";

    assertThat(check(List.of(SECRET), SIGNATURE, tampered, SENT)).isPresent();
    assertThat(check(List.of(other), SIGNATURE, BODY, SENT)).isPresent();
    assertThat(check(List.of(SECRET), SIGNATURE.replace("v1,", "v1a,"), BODY, SENT)).isPresent();
  }

  @Test
  void staleOrFutureTimestampFails() {
    assertThat(check(List.of(SECRET), SIGNATURE, BODY, SENT.plusSeconds(301)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("5 minutes"));
    assertThat(check(List.of(SECRET), SIGNATURE, BODY, SENT.minusSeconds(301))).isPresent();
  }

  @Test
  void missingHeadersFail() {
    assertThat(
            WebhookSignature.check(
                List.of(SECRET), new WebhookHeaders(ID, TIMESTAMP, null), BODY, SENT))
        .hasValueSatisfying(reason -> assertThat(reason).contains("webhook-signature"));
    assertThat(
            WebhookSignature.check(
                List.of(SECRET), new WebhookHeaders(ID, "yesterday", SIGNATURE), BODY, SENT))
        .isPresent();
  }

  @Test
  void failuresNeverShowTheSecretOrTheExpectedSignature() {
    String reason = check(List.of(SECRET), "v1,AAAA", BODY, SENT).orElseThrow();
    assertThat(reason).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").doesNotContain("g0hM9");

    String broken = "whsec_S3cr3t-not-base64!";
    assertThatThrownBy(() -> check(List.of(broken), SIGNATURE, BODY, SENT))
        .isInstanceOf(IllegalStateException.class)
        .message()
        .doesNotContain("S3cr3t");
  }

  private static java.util.Optional<String> check(
      List<String> secrets, String signature, byte[] body, Instant now) {
    return WebhookSignature.check(secrets, new WebhookHeaders(ID, TIMESTAMP, signature), body, now);
  }
}
