package io.cordon.account.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Temporary Access Pass Cordon issued, sealed: only ciphertext is kept, and only until it is read
 * once or runs out.
 */
@Entity
@Table(name = "temporary_access_pass")
public class TemporaryAccessPassEntity extends PanacheEntityBase {
  @Id
  @Column(name = "action_id")
  public String actionId;

  @Column(name = "account_object_id")
  public String accountObjectId;

  @Column(name = "user_principal_name")
  public String userPrincipalName;

  @Column(name = "run_id")
  public String runId;

  /** The authentication method's id in Graph (not a secret). */
  @Column(name = "graph_method_id")
  public String graphMethodId;

  @Column(name = "usable_once")
  public boolean usableOnce;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "starts_at")
  public Instant startsAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "seal_key_id")
  public String sealKeyId;

  @Column(name = "seal_nonce")
  public byte[] sealNonce;

  /** The AES-GCM ciphertext of the pass; null once read or expired. */
  @Column(name = "sealed_pass")
  public byte[] sealedPass;

  @Column(name = "retrieved_at")
  public Instant retrievedAt;

  @Column(name = "retrieved_by")
  public String retrievedBy;

  /** Drops the ciphertext: the pass can never be read again from this row. */
  public void erase() {
    sealedPass = null;
    sealNonce = null;
  }

  @Override
  public String toString() {
    return "TemporaryAccessPass[action=" + actionId + ", account=" + accountObjectId + "]";
  }
}
