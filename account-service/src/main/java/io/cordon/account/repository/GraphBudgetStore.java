package io.cordon.account.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Token buckets in PostgreSQL, one row per (tenant, limit): every instance of account-service
 * spends the same budget, so scaling out never multiplies the request rate Graph sees.
 */
@ApplicationScoped
public class GraphBudgetStore {
  @Inject EntityManager entityManager;

  /** A bucket's shape: at most {@code capacity} tokens, refilled at {@code perSecond}. */
  public record Bucket(String name, double capacity, double perSecond) {}

  /**
   * Takes {@code amounts[i]} tokens from each bucket if all have enough; otherwise takes nothing
   * and returns how long to wait before they will.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Duration tryTake(String tenant, List<Bucket> buckets, double[] amounts) {
    Instant now = Instant.now();
    double[] available = new double[buckets.size()];
    Duration wait = Duration.ZERO;
    for (int i = 0; i < buckets.size(); i++) {
      Bucket bucket = buckets.get(i);
      available[i] = refilled(lock(tenant, bucket, now), bucket, now);
      double missing = Math.min(amounts[i], bucket.capacity()) - available[i];
      if (missing > 0) {
        Duration needed = Duration.ofMillis((long) Math.ceil(missing / bucket.perSecond() * 1000));
        wait = needed.compareTo(wait) > 0 ? needed : wait;
      }
    }
    for (int i = 0; i < buckets.size(); i++) {
      double left = wait.isZero() ? available[i] - amounts[i] : available[i];
      store(tenant, buckets.get(i).name(), left, now);
    }
    return wait;
  }

  private Object[] lock(String tenant, Bucket bucket, Instant now) {
    entityManager
        .createNativeQuery(
            "insert into graph_budget (tenant_id, bucket, tokens, updated_at)"
                + " values (:tenant, :bucket, :tokens, :now) on conflict do nothing")
        .setParameter("tenant", tenant)
        .setParameter("bucket", bucket.name())
        .setParameter("tokens", bucket.capacity())
        .setParameter("now", now)
        .executeUpdate();
    return (Object[])
        entityManager
            .createNativeQuery(
                "select tokens, updated_at from graph_budget"
                    + " where tenant_id = :tenant and bucket = :bucket for update")
            .setParameter("tenant", tenant)
            .setParameter("bucket", bucket.name())
            .getSingleResult();
  }

  private static double refilled(Object[] row, Bucket bucket, Instant now) {
    double tokens = ((Number) row[0]).doubleValue();
    Instant updated = toInstant(row[1]);
    double elapsedSeconds = Math.max(0, Duration.between(updated, now).toNanos() / 1e9);
    return Math.min(bucket.capacity(), tokens + elapsedSeconds * bucket.perSecond());
  }

  private void store(String tenant, String bucket, double tokens, Instant now) {
    entityManager
        .createNativeQuery(
            "update graph_budget set tokens = :tokens, updated_at = :now"
                + " where tenant_id = :tenant and bucket = :bucket")
        .setParameter("tokens", tokens)
        .setParameter("now", now)
        .setParameter("tenant", tenant)
        .setParameter("bucket", bucket)
        .executeUpdate();
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
