package io.cordon.account.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account or group an admin put on the protected list over the API. */
@Entity
@Table(name = "protected_account")
public class ProtectedAccountEntity extends PanacheEntityBase {
  /** The Entra object id, lower case. */
  @Id
  @Column(name = "object_id")
  public String objectId;

  /** USER or GROUP. */
  public String kind;

  public String reason;

  /** The directory id (lower case) of the one tenant the entry protects in; null: every tenant. */
  @Column(name = "tenant_id")
  public String tenantId;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_by")
  public String updatedBy;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
