package io.cordon.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A partner's TAXII credential: only the digest of its token, never the token. */
@Entity
@Table(name = "taxii_credential")
public class TaxiiCredentialEntity extends PanacheEntityBase {
  @Id
  @Column(name = "partner_id")
  public UUID partnerId;

  @Column(name = "token_hash", nullable = false)
  public String tokenHash;

  @Column(name = "issued_by", nullable = false)
  public String issuedBy;

  @Column(name = "issued_at", nullable = false)
  public Instant issuedAt;
}
