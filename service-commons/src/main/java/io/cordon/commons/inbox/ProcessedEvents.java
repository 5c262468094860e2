package io.cordon.commons.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Idempotent consumption: the consumer records the event id in the same transaction as its state
 * change; a redelivered event finds the row and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {
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
}
