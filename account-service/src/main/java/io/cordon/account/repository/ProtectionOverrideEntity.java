package io.cordon.account.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A request to let automated actions touch one protected account for a while; it takes effect only
 * once an admin other than the requester approves it, and ends when it expires or is withdrawn.
 */
@Entity
@Table(name = "protection_override")
public class ProtectionOverrideEntity extends PanacheEntityBase {
  @Id public UUID id;

  /** The user's object id, lower case. */
  @Column(name = "object_id")
  public String objectId;

  public String reason;

  @Column(name = "duration_minutes")
  public int durationMinutes;

  @Column(name = "requested_by")
  public String requestedBy;

  /** The requester's unchangeable identity; four eyes compares it. Null on rows from before V12. */
  @Column(name = "requested_by_id")
  public String requestedById;

  @Column(name = "requested_at")
  public Instant requestedAt;

  @Column(name = "approved_by")
  public String approvedBy;

  @Column(name = "approved_at")
  public Instant approvedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "ended_by")
  public String endedBy;

  @Column(name = "ended_at")
  public Instant endedAt;

  /** Approved, not ended, and not yet expired at {@code now}. */
  public boolean activeAt(Instant now) {
    return approvedAt != null && endedAt == null && expiresAt != null && expiresAt.isAfter(now);
  }

  /** Neither ended nor past its expiry: a pending request or an active override. */
  public boolean openAt(Instant now) {
    return endedAt == null && (approvedAt == null || expiresAt.isAfter(now));
  }
}
