package io.cordon.commons.inbox;

import io.cordon.commons.audit.AuditCause;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.events.CordonEvent;
import io.cordon.contracts.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: the consumer records the event id in the same transaction as its state
 * change; a redelivered event finds the row and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {
  private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

  @Inject EntityManager entityManager;

  /** True the first time this consumer sees the event; false for a redelivery. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(String consumer, String eventId) {
    int inserted =
        entityManager
            .createNativeQuery(
                "insert into processed_event (consumer, event_id) values (:consumer, :eventId)"
                    + " on conflict do nothing")
            .setParameter("consumer", consumer)
            .setParameter("eventId", eventId)
            .executeUpdate();
    return inserted == 1;
  }

  /**
   * {@link #firstDelivery} for a polled batch in one statement: the ids among {@code eventIds} this
   * consumer sees for the first time (each once, even if the batch holds it twice).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return new HashSet<>();
    }
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into processed_event (consumer, event_id)"
                          + " select ?, unnest(?::varchar[]) on conflict do nothing"
                          + " returning event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("varchar", eventIds.toArray()));
                Set<String> fresh = new HashSet<>();
                try (ResultSet inserted = insert.executeQuery()) {
                  while (inserted.next()) {
                    fresh.add(inserted.getString(1));
                  }
                }
                return fresh;
              }
            });
  }

  /**
   * The whole idempotent-consumer step: reads the payload as {@code type}, drops a message no
   * version of this service can read (logged, so the partition keeps moving), and hands the event
   * to {@code handler} only on its first delivery — all in the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public <T extends CordonEvent> boolean handleOnce(
      String consumer, String payload, Class<T> type, Consumer<T> handler) {
    T event;
    try {
      event = EventJson.read(payload, type);
    } catch (EventFormatException e) {
      LOG.errorf("%s dropped an unreadable %s: %s", consumer, type.getSimpleName(), e.getMessage());
      return false;
    }
    if (!firstDelivery(consumer, event.eventId())) {
      LOG.debugf("%s already processed %s", consumer, event.eventId());
      return false;
    }
    // what the handler audits is correlated with the event that caused it
    AuditCause.during(event.eventId(), () -> handler.accept(event));
    return true;
  }
}
