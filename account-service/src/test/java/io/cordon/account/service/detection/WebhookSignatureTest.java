package io.cordon.account.service.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The library checks timestamps against the real clock with a 5-minute window, so these tests sign
 * at "now" and keep far from the edges (2 and 10 minutes) to never depend on how fast they run.
 */
class WebhookSignatureTest {
  // the reference vector of the Standard Webhooks specification's libraries
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String OTHER = "whsec_c2VjcmV0LW9mLWEtcm90YXRlZC1lbmRwb2ludA==";

  @Test
  void theReferenceVectorIsWhatWeSign() {
    assertThat(WebhookSignature.sign(SECRET, ID, 1614265330, BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void aSignatureMadeNowVerifies() {
    long now = now();
    assertThat(check(List.of(SECRET), now, WebhookSignature.sign(SECRET, ID, now, BODY), BODY))
        .isEmpty();
    long twoMinutesAgo = now - 120;
    assertThat(
            check(
                List.of(SECRET),
                twoMinutesAgo,
                WebhookSignature.sign(SECRET, ID, twoMinutesAgo, BODY),
                BODY))
        .isEmpty();
  }

  @Test
  void secretWithoutPrefixAndRotatedSecretsVerify() {
    long now = now();
    String signature = WebhookSignature.sign(SECRET, ID, now, BODY);

    assertThat(check(List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), now, signature, BODY)).isEmpty();
    assertThat(check(List.of(OTHER, SECRET), now, signature, BODY)).isEmpty();
    assertThat(check(List.of(SECRET), now, "v1,bm90LWl0 " + signature, BODY)).isEmpty();
  }

  @Test
  void tamperedBodyWrongSecretOrOtherVersionFails() {
    long now = now();
    String signature = WebhookSignature.sign(SECRET, ID, now, BODY);
    byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

    assertThat(check(List.of(SECRET), now, signature, tampered))
        .hasValueSatisfying(reason -> assertThat(reason).contains("no v1 signature"));
    assertThat(check(List.of(OTHER), now, signature, BODY)).isPresent();
    assertThat(check(List.of(SECRET), now, signature.replace("v1,", "v1a,"), BODY)).isPresent();
  }

  @Test
  void staleOrFutureTimestampFails() {
    long stale = now() - 600;
    long future = now() + 600;

    assertThat(check(List.of(SECRET), stale, WebhookSignature.sign(SECRET, ID, stale, BODY), BODY))
        .hasValueSatisfying(reason -> assertThat(reason).contains("5 minutes"));
    assertThat(
            check(List.of(SECRET), future, WebhookSignature.sign(SECRET, ID, future, BODY), BODY))
        .hasValueSatisfying(reason -> assertThat(reason).contains("5 minutes"));
  }

  @Test
  void missingHeadersFail() {
    long now = now();
    String signature = WebhookSignature.sign(SECRET, ID, now, BODY);

    assertThat(
            WebhookSignature.check(
                List.of(SECRET), new WebhookHeaders(ID, Long.toString(now), null), BODY))
        .hasValueSatisfying(reason -> assertThat(reason).contains("webhook-signature"));
    assertThat(
            WebhookSignature.check(
                List.of(SECRET), new WebhookHeaders(ID, "yesterday", signature), BODY))
        .hasValueSatisfying(reason -> assertThat(reason).contains("Unix time"));
  }

  @Test
  void aBodyThatIsNotUtf8IsRefusedRatherThanDecodedLossily() {
    long now = now();
    byte[] latin1 = "{\"name\": \"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1);
    String signature = WebhookSignature.sign(SECRET, ID, now, latin1);

    assertThat(check(List.of(SECRET), now, signature, latin1))
        .hasValueSatisfying(reason -> assertThat(reason).contains("not UTF-8"));
  }

  @Test
  void failuresNeverShowTheSecretOrTheExpectedSignature() {
    long now = now();
    String expected = WebhookSignature.sign(SECRET, ID, now, BODY);
    String reason = check(List.of(SECRET), now, "v1,AAAA", BODY).orElseThrow();
    assertThat(reason)
        .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        .doesNotContain(expected.substring(3, 10));

    String broken = "whsec_S3cr3t-not-base64!";
    assertThatThrownBy(() -> check(List.of(broken), now, expected, BODY))
        .isInstanceOf(IllegalStateException.class)
        .message()
        .doesNotContain("S3cr3t");
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private static Optional<String> check(
      List<String> secrets, long timestamp, String signature, byte[] body) {
    return WebhookSignature.check(
        secrets, new WebhookHeaders(ID, Long.toString(timestamp), signature), body);
  }
}
