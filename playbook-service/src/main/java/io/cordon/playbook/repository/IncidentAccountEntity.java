package io.cordon.playbook.repository;

import io.cordon.playbook.model.ContainmentState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An account of an incident and where its containment stands. */
@Entity
@Table(name = "incident_account")
public class IncidentAccountEntity extends PanacheEntityBase {
  @EmbeddedId public Key key;

  @Column(name = "user_principal_name")
  public String userPrincipalName;

  /** The account's tenant (directory id); null on rows from before tenants were kept. */
  @Column(name = "tenant_id")
  public String tenantId;

  /** The tenant's configured name; null when account-service did not send it. */
  @Column(name = "tenant_name")
  public String tenantName;

  @Enumerated(EnumType.STRING)
  public ContainmentState state;

  public Instant since;

  @Column(name = "contained_at")
  public Instant containedAt;

  @Column(name = "run_id")
  public String runId;

  @Column(name = "reason_code")
  public String reasonCode;

  @Column(name = "joined_at")
  public Instant joinedAt;

  /** The run of release-account that lets the account back in; null when none was asked for. */
  @Column(name = "release_run_id")
  public String releaseRunId;

  @Column(name = "release_requested_by")
  public String releaseRequestedBy;

  @Column(name = "release_reason")
  public String releaseReason;

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "incident_id")
    public String incidentId;

    @Column(name = "object_id")
    public String objectId;

    public Key() {}

    public Key(String incidentId, String objectId) {
      this.incidentId = incidentId;
      this.objectId = objectId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(incidentId, key.incidentId)
          && Objects.equals(objectId, key.objectId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(incidentId, objectId);
    }
  }
}
