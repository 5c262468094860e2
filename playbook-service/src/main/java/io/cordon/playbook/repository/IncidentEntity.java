package io.cordon.playbook.repository;

import io.cordon.playbook.model.IncidentState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An incident: the reports, runs and accounts of one attack. */
@Entity
@Table(name = "incident")
public class IncidentEntity extends PanacheEntityBase {
  @Id public String id;

  public String title;

  public String severity;

  @Enumerated(EnumType.STRING)
  public IncidentState state;

  @Column(name = "opened_at")
  public Instant openedAt;

  @Column(name = "contained_at")
  public Instant containedAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  @Column(name = "closed_by")
  public String closedBy;

  @Column(name = "close_reason")
  public String closeReason;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
