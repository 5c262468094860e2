package io.cordon.playbook.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A playbook name and its latest version; writers lock this row. */
@Entity
@Table(name = "playbook")
public class PlaybookEntity extends PanacheEntityBase {
  @Id public String name;

  /** 0 only inside the transaction that creates the playbook. */
  @Column(name = "latest_version")
  public int latestVersion;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
