package io.cordon.notification.service;

import io.cordon.notification.config.NotificationConfig;
import io.cordon.notification.config.SecretEncryptionKey;
import io.cordon.notification.repository.PartnerEntity;
import io.cordon.notification.repository.WebhookSecretEntity;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Seals partner webhook secrets for the database and opens them for signing. Built at start-up, so
 * a missing or malformed {@code cordon.notification.secret-encryption-key} stops the service with a
 * message saying what to set.
 */
@Startup
@ApplicationScoped
public class WebhookSecrets {
  @Inject NotificationConfig config;

  private SecretCipher cipher;

  @PostConstruct
  void init() {
    cipher = new SecretCipher(SecretEncryptionKey.decode(config.secretEncryptionKey()));
  }

  /** A new secret row for {@code partner} holding only the ciphertext of the key bytes. */
  public WebhookSecretEntity seal(PartnerEntity partner, String whsecSecret) {
    SecretCipher.Sealed sealed =
        cipher.seal(WebhookSecretFormat.decode(whsecSecret), associatedData(partner.id));
    WebhookSecretEntity entity = new WebhookSecretEntity();
    entity.id = UUID.randomUUID();
    entity.partner = partner;
    entity.keyId = sealed.keyId();
    entity.nonce = sealed.nonce();
    entity.ciphertext = sealed.ciphertext();
    entity.createdAt = Instant.now();
    return entity;
  }

  /** The signing keys of a partner, oldest first (Standard Webhooks signs with each). */
  public List<byte[]> open(PartnerEntity partner) {
    return partner.webhookSecrets.stream()
        .map(
            s ->
                cipher.open(
                    new SecretCipher.Sealed(s.keyId, s.nonce, s.ciphertext),
                    associatedData(partner.id)))
        .toList();
  }

  private static byte[] associatedData(UUID partnerId) {
    return ("cordon:partner-webhook-secret:v1:" + partnerId).getBytes(StandardCharsets.US_ASCII);
  }
}
