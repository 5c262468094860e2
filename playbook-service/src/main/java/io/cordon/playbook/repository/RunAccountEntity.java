package io.cordon.playbook.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An account of a run with the facts its report resolved; written once, never changed. */
@Entity
@Table(name = "run_account")
public class RunAccountEntity extends PanacheEntityBase {
  @EmbeddedId public Key key;

  public int position;

  @Column(name = "user_principal_name")
  public String userPrincipalName;

  @Column(name = "tenant_id")
  public String tenantId;

  /** The tenant's configured name; null when account-service did not send it. */
  @Column(name = "tenant_name")
  public String tenantName;

  @Column(name = "user_type")
  public String userType;

  @Column(name = "on_premises_synced")
  public boolean onPremisesSynced;

  /** JSON array of role display names. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "privileged_roles", columnDefinition = "jsonb")
  public String privilegedRoles;

  /** JSON array of {id, displayName}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public String groups;

  /** EXCLUDED or MARKED_DONE once a responder settled the account by hand; null otherwise. */
  @Column(name = "settled_as")
  public String settledAs;

  @Column(name = "settled_by")
  public String settledBy;

  @Column(name = "settled_reason")
  public String settledReason;

  @Column(name = "settled_at")
  public Instant settledAt;

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "run_id")
    public String runId;

    @Column(name = "object_id")
    public String objectId;

    public Key() {}

    public Key(String runId, String objectId) {
      this.runId = runId;
      this.objectId = objectId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(runId, key.runId)
          && Objects.equals(objectId, key.objectId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(runId, objectId);
    }
  }
}
