package io.cordon.account.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sliding windows in PostgreSQL: per (tenant, limit) a log of what was spent and when. Every
 * instance of account-service spends the same budget, so scaling out never multiplies the request
 * rate Graph sees.
 */
@ApplicationScoped
public class GraphBudgetStore {
  /** How often to look again when only an unanswered request stands between a spend and room. */
  private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(100);

  /**
   * A spend never answered (its instance died mid-request) stops counting this long after it was
   * made, on top of its window: longer than any Graph request may take.
   */
  private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  @Inject EntityManager entityManager;
  @Inject DatabaseClock clock;

  /** A limit: at most {@code limit} spent within any {@code window}. */
  public record Window(String name, double limit, Duration window) {}

  /** The outcome of an attempt: the spend rows taken, or how long to wait before trying again. */
  public record Attempt(List<Long> spendIds, Duration retryAfter) {
    public boolean taken() {
      return retryAfter.isZero();
    }
  }

  /**
   * Spends {@code amounts[i]} in each window if every window has room for it now; otherwise spends
   * nothing and says how long until the oldest spends age out far enough.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Attempt trySpend(String tenant, List<Window> windows, double[] amounts) {
    for (int i = 0; i < windows.size(); i++) {
      if (amounts[i] > 0) {
        lock(tenant, windows.get(i).name());
      }
    }
    // the database's clock, after the locks: every instance reckons the windows in the same time
    Instant now = clock.now();
    Duration wait = longestWait(tenant, windows, amounts, now);
    if (!wait.isZero()) {
      return new Attempt(List.of(), wait);
    }
    List<Long> spendIds = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      if (amounts[i] > 0) {
        spendIds.add(record(tenant, windows.get(i).name(), amounts[i], now));
      }
    }
    return new Attempt(spendIds, Duration.ZERO);
  }

  /**
   * How long until {@code amounts} would fit every window, spending nothing: zero when they fit
   * now. Another instance may spend meanwhile, so this is a hint for scheduling, not a reservation.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Duration waitFor(String tenant, List<Window> windows, double[] amounts) {
    return longestWait(tenant, windows, amounts, clock.now());
  }

  private Duration longestWait(String tenant, List<Window> windows, double[] amounts, Instant now) {
    Duration wait = Duration.ZERO;
    for (int i = 0; i < windows.size(); i++) {
      if (amounts[i] <= 0) {
        continue;
      }
      Window window = windows.get(i);
      Duration needed = waitForRoom(tenant, window, Math.min(amounts[i], window.limit()), now);
      wait = needed.compareTo(wait) > 0 ? needed : wait;
    }
    return wait;
  }

  /**
   * Dates spends at the answer to their request, in the database's clock: Graph saw the request at
   * some moment before that, so a window counted from the answer never ends before Graph's own
   * window does.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void settle(List<Long> spendIds) {
    if (spendIds.isEmpty()) {
      return;
    }
    entityManager
        .createNativeQuery(
            "update graph_budget_spend set answered_at = clock_timestamp() where id in (:ids)")
        .setParameter("ids", spendIds)
        .executeUpdate();
  }

  private void lock(String tenant, String bucket) {
    entityManager
        .createNativeQuery(
            "insert into graph_budget (tenant_id, bucket) values (:tenant, :bucket)"
                + " on conflict do nothing")
        .setParameter("tenant", tenant)
        .setParameter("bucket", bucket)
        .executeUpdate();
    entityManager
        .createNativeQuery(
            "select bucket from graph_budget where tenant_id = :tenant and bucket = :bucket"
                + " for update")
        .setParameter("tenant", tenant)
        .setParameter("bucket", bucket)
        .getSingleResult();
  }

  /** Zero when {@code amount} fits the window now, else when enough old spends age out. */
  private Duration waitForRoom(String tenant, Window window, double amount, Instant now) {
    Instant windowStart = now.minus(window.window());
    entityManager
        .createNativeQuery(
            "delete from graph_budget_spend where tenant_id = :tenant and bucket = :bucket"
                + " and (answered_at <= :start"
                + " or (answered_at is null and spent_at <= :abandoned))")
        .setParameter("tenant", tenant)
        .setParameter("bucket", window.name())
        .setParameter("start", windowStart)
        .setParameter("abandoned", windowStart.minus(ABANDONED_AFTER))
        .executeUpdate();
    double spent =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "select coalesce(sum(amount), 0) from graph_budget_spend"
                            + " where tenant_id = :tenant and bucket = :bucket")
                    .setParameter("tenant", tenant)
                    .setParameter("bucket", window.name())
                    .getSingleResult())
            .doubleValue();
    double excess = spent + amount - window.limit();
    if (excess <= 0) {
      return Duration.ZERO;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> spends =
        entityManager
            .createNativeQuery(
                "select amount, answered_at from graph_budget_spend"
                    + " where tenant_id = :tenant and bucket = :bucket"
                    + " order by answered_at nulls last")
            .setParameter("tenant", tenant)
            .setParameter("bucket", window.name())
            .getResultList();
    for (Object[] row : spends) {
      excess -= ((Number) row[0]).doubleValue();
      if (excess <= 0) {
        if (row[1] == null) {
          // room depends on a request still waiting for its answer: look again shortly
          return min(IN_FLIGHT_POLL, window.window());
        }
        Instant agesOut = toInstant(row[1]).plus(window.window());
        return Duration.between(now, agesOut).plusMillis(1);
      }
    }
    return Duration.ZERO;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private long record(String tenant, String bucket, double amount, Instant now) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "insert into graph_budget_spend (tenant_id, bucket, amount, spent_at)"
                        + " values (:tenant, :bucket, :amount, :now) returning id")
                .setParameter("tenant", tenant)
                .setParameter("bucket", bucket)
                .setParameter("amount", amount)
                .setParameter("now", now)
                .getSingleResult())
        .longValue();
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
