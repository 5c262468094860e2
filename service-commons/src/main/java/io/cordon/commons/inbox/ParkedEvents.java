package io.cordon.commons.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Messages a consumer could not process after its retries, kept with the reason so an operator can
 * look at them and replay them, instead of stopping the channel or losing them.
 */
@ApplicationScoped
public class ParkedEvents {
  private static final int MAX_REASON = 1000;

  @Inject EntityManager entityManager;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void park(String consumer, String payload, Throwable failure) {
    entityManager
        .createNativeQuery(
            "insert into parked_event (consumer, payload, reason) values (:consumer, :payload,"
                + " :reason)")
        .setParameter("consumer", consumer)
        .setParameter("payload", payload)
        .setParameter("reason", reason(failure))
        .executeUpdate();
  }

  @Transactional
  public long count(String consumer) {
    return ((Number)
            entityManager
                .createNativeQuery("select count(*) from parked_event where consumer = :consumer")
                .setParameter("consumer", consumer)
                .getSingleResult())
        .longValue();
  }

  private static String reason(Throwable failure) {
    String reason = failure.getClass().getName() + ": " + failure.getMessage();
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
  }
}
