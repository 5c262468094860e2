package io.cordon.notification.rest;

import static io.cordon.notification.rest.Partners.body;
import static io.cordon.notification.rest.Partners.createdId;
import static io.cordon.notification.rest.Partners.newSecret;
import static io.cordon.notification.rest.Partners.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.notification.repository.PartnerEntity;
import io.cordon.notification.repository.WebhookSecretEntity;
import io.cordon.notification.service.SecretCipher;
import io.cordon.notification.service.SecretReseal;
import io.cordon.notification.service.WebhookSecretFormat;
import io.cordon.notification.service.WebhookSecrets;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rotating the webhook secret key without downtime: the service runs with a new current key and the
 * old one as previous; secrets sealed before still open, and are sealed again under the new key.
 */
@QuarkusTest
@TestProfile(SecretKeyRotationTest.Rotated.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class SecretKeyRotationTest {
  /** The %test profile's key: the one secrets were sealed under before the rotation. */
  static final String OLD_KEY = "TJbbTGjzkgxZ87rfiEIIzxNVd3YKwRDj0oqKCDn74Tk=";

  static final String NEW_KEY = "3q4vq3dQbK8Vn3mJc2mU0k6s6w1Y3cQy0JX2pQfL9aE=";

  /** After the rotation: a new current key, the old one listed as previous. */
  public static class Rotated implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "cordon.notification.secret-encryption-key", NEW_KEY,
          "cordon.notification.previous-secret-encryption-keys", OLD_KEY);
    }
  }

  @Inject WebhookSecrets webhookSecrets;
  @Inject SecretReseal reseal;

  @Test
  void secretsSealedUnderThePreviousKeyOpenAndAreSealedAgainUnderTheCurrentOne() {
    String secret = newSecret();
    UUID id = UUID.fromString(createdId(body(uniqueName("Rotation"), secret)));
    byte[] plaintext = WebhookSecretFormat.decode(secret);
    String oldKeyId = sealUnderOldKey(id, plaintext);

    assertThat(opened(id)).containsExactly(plaintext);

    assertThat(reseal.resealAll()).isGreaterThanOrEqualTo(1);
    String keyId =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    WebhookSecretEntity.<WebhookSecretEntity>find("partner.id", id)
                        .firstResult()
                        .keyId);
    assertThat(keyId).isEqualTo(webhookSecrets.currentKeyId()).isNotEqualTo(oldKeyId);
    assertThat(opened(id)).containsExactly(plaintext);
    assertThat(reseal.resealAll()).isZero();
  }

  /** Rewrites the partner's stored secret as the service sealed it before the rotation. */
  private static String sealUnderOldKey(UUID partnerId, byte[] plaintext) {
    SecretCipher old = new SecretCipher(Base64.getDecoder().decode(OLD_KEY));
    SecretCipher.Sealed sealed =
        old.seal(
            plaintext,
            ("cordon:partner-webhook-secret:v1:" + partnerId).getBytes(StandardCharsets.US_ASCII));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              WebhookSecretEntity row =
                  WebhookSecretEntity.<WebhookSecretEntity>find("partner.id", partnerId)
                      .firstResult();
              row.keyId = sealed.keyId();
              row.nonce = sealed.nonce();
              row.ciphertext = sealed.ciphertext();
            });
    return sealed.keyId();
  }

  private List<byte[]> opened(UUID partnerId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> webhookSecrets.open(PartnerEntity.<PartnerEntity>findById(partnerId)));
  }
}
