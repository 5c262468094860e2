package io.cordon.account.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The database's clock, which every instance shares: due times, leases and budget windows compared
 * in SQL with {@code now()} must be written in it too, or an instance whose clock runs ahead would
 * see work due early and spends age out before Graph's window does.
 */
@ApplicationScoped
public class DatabaseClock {
  @Inject EntityManager entityManager;

  /** The database's current time (not the transaction's start: a lock wait may lie between). */
  public Instant now() {
    Object value = entityManager.createNativeQuery("select clock_timestamp()").getSingleResult();
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
