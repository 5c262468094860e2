package io.cordon.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's webhook signing secret, AES-256-GCM encrypted; the plaintext never reaches the
 * database. Several rows per partner allow rotation.
 */
@Entity
@Table(name = "partner_webhook_secret")
public class WebhookSecretEntity extends PanacheEntityBase {
  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "partner_id", nullable = false)
  public PartnerEntity partner;

  @Column(name = "key_id", nullable = false)
  public String keyId;

  @Column(nullable = false)
  public byte[] nonce;

  @Column(nullable = false)
  public byte[] ciphertext;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
