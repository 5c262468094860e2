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
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of a playbook. */
@Entity
@Immutable
@Table(name = "playbook_version")
public class PlaybookVersionEntity extends PanacheEntityBase {
  @EmbeddedId public Key key;

  public String description;

  @Column(name = "step_count")
  public int stepCount;

  /** Canonical JSON of the content, without the version number. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public String content;

  @Column(name = "content_sha256")
  public String contentSha256;

  public String origin;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Embeddable
  public static class Key implements Serializable {
    public String name;
    public int version;

    public Key() {}

    public Key(String name, int version) {
      this.name = name;
      this.version = version;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && version == key.version && Objects.equals(name, key.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, version);
    }
  }
}
