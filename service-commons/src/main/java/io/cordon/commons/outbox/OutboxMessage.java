package io.cordon.commons.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event written in the same transaction as the change it announces, relayed after commit.
 *
 * <p>The entity's id is the event id, known before the insert, so Hibernate batches the inserts of
 * a transaction (one round trip for many events) instead of one INSERT per event to learn an
 * identity value. The relay's order, {@link #seq}, is still the identity column: PostgreSQL fills
 * it when the batch is inserted at flush, in the order the events were published and while the
 * writer still holds its locks, so per-key order is what it was.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {
  @Id
  @Column(name = "event_id", nullable = false)
  public String eventId;

  // filled by the database at insert; null on an entity published in this session
  @Column(insertable = false, updatable = false)
  public Long seq;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String topic;

  @Column(name = "message_key")
  public String messageKey;

  @Column(nullable = false, columnDefinition = "text")
  public String payload;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "published_at")
  public Instant publishedAt;

  public int attempts;

  @Column(name = "last_error")
  public String lastError;

  /** The W3C trace context of the work that wrote the row; the relay sends it as a header. */
  public String traceparent;
}
