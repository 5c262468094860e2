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

  private SecretKeyring keys;

  @PostConstruct
  void init() {
    keys =
        new SecretKeyring(
            SecretEncryptionKey.decode(config.secretEncryptionKey()),
            SecretEncryptionKey.decodePrevious(config.previousSecretEncryptionKeys()));
  }

  /** A new secret row for {@code partner} holding only the ciphertext of the key bytes. */
  public WebhookSecretEntity seal(PartnerEntity partner, String whsecSecret) {
    SecretCipher.Sealed sealed =
        keys.seal(WebhookSecretFormat.decode(whsecSecret), associatedData(partner.id));
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
                keys.open(
                    new SecretCipher.Sealed(s.keyId, s.nonce, s.ciphertext),
                    associatedData(partner.id)))
        .toList();
  }

  /** Whether this row was sealed under a previous key and should be sealed again. */
  public boolean isStale(WebhookSecretEntity secret) {
    return keys.isStale(secret.keyId);
  }

  public String currentKeyId() {
    return keys.currentKeyId();
  }

  /** Seals the row's secret again under the current key, in place (same id, same creation time). */
  public void reseal(WebhookSecretEntity secret) {
    UUID partnerId = secret.partner.id;
    byte[] plaintext =
        keys.open(
            new SecretCipher.Sealed(secret.keyId, secret.nonce, secret.ciphertext),
            associatedData(partnerId));
    SecretCipher.Sealed sealed = keys.seal(plaintext, associatedData(partnerId));
    java.util.Arrays.fill(plaintext, (byte) 0);
    secret.keyId = sealed.keyId();
    secret.nonce = sealed.nonce();
    secret.ciphertext = sealed.ciphertext();
  }

  private static byte[] associatedData(UUID partnerId) {
    return ("cordon:partner-webhook-secret:v1:" + partnerId).getBytes(StandardCharsets.US_ASCII);
  }
}
