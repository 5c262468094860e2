package io.cordon.account.repository;

import io.cordon.contracts.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Claims due actions for sending; SKIP LOCKED lets several executors share the ledger. */
@ApplicationScoped
public class ActionLedger {
  @Inject EntityManager entityManager;
  @Inject DatabaseClock clock;

  /**
   * The rows claimed; when none were, how long until one of these actions can be: the oldest row of
   * a lingering partial batch has lingered enough, or the earliest row waiting for a later attempt
   * (a retry, a put-off for the budget) is due (zero: nothing waits).
   */
  public record Claim(List<ActionLedgerEntity> rows, Duration lookAgainIn) {
    static Claim of(List<ActionLedgerEntity> rows) {
      return new Claim(rows, Duration.ZERO);
    }
  }

  /**
   * Marks up to {@code limit} due rows of the given actions IN_FLIGHT under a lease of {@code
   * lease} and returns them. Fewer than {@code limit} are taken only once the oldest has waited
   * {@code linger}, so that a flood of requests leaves in full batches; when nothing could be
   * claimed, the claim also tells when to look again.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Claim claim(
      Collection<ActionType> actions, int limit, Duration linger, ClaimTime time, Duration lease) {
    List<ActionLedgerEntity> rows = new java.util.ArrayList<>(lockDue(actions, limit, List.of()));
    if (rows.isEmpty()) {
      return new Claim(rows, untilNextDue(actions));
    }
    // PostgreSQL applies LIMIT before FOR UPDATE re-checks rows changed concurrently, so a select
    // can come back short while due rows remain: top up once before settling for a partial batch
    if (rows.size() < limit) {
      rows.addAll(
          lockDue(actions, limit - rows.size(), rows.stream().map(r -> r.actionId).toList()));
    }
    // next_attempt_at is in the database's clock (written and compared there), so is the linger
    Instant lingerCutoff = clock.now().minus(linger);
    if (rows.size() < limit && rows.stream().allMatch(r -> r.nextAttemptAt.isAfter(lingerCutoff))) {
      Instant oldest = rows.stream().map(r -> r.nextAttemptAt).min(Instant::compareTo).get();
      return new Claim(List.of(), Duration.between(lingerCutoff, oldest));
    }
    List<Long> tokens = claimTokens(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      ActionLedgerEntity row = rows.get(i);
      row.state = LedgerState.IN_FLIGHT.name();
      row.claimToken = tokens.get(i);
      stamp(row, time);
      row.attempts++;
    }
    entityManager.flush();
    // in this transaction, not through extendLeases: a new transaction would not see the rows as
    // IN_FLIGHT yet and leave them without a lease, never to be released
    lease(tokens, lease);
    return Claim.of(rows);
  }

  @SuppressWarnings("unchecked")
  private List<Long> claimTokens(int count) {
    if (count == 0) {
      return List.of();
    }
    return ((List<Number>)
            entityManager
                .createNativeQuery(
                    "select nextval('remediation_action_claim_token') from generate_series(1, :n)")
                .setParameter("n", count)
                .getResultList())
        .stream().map(Number::longValue).toList();
  }

  /** The fencing tokens of claimed rows, to extend or restamp exactly those claims. */
  public static List<Long> tokensOf(Collection<ActionLedgerEntity> rows) {
    return rows.stream().map(row -> row.claimToken).filter(java.util.Objects::nonNull).toList();
  }

  private static void stamp(ActionLedgerEntity row, ClaimTime time) {
    row.claimedAt = time.local();
    row.claimedGraphEarliest = time.graphEarliest();
    row.claimedGraphLatest = time.graphLatest();
  }

  @SuppressWarnings("unchecked")
  /**
   * How long until the earliest row of these actions that is not due yet becomes due, in the clock
   * {@link #lockDue} compares with (zero: none waits). Rows due but locked by another claimer are
   * that claimer's.
   */
  private Duration untilNextDue(Collection<ActionType> actions) {
    Number millis =
        (Number)
            entityManager
                .createNativeQuery(
                    "select ceil(extract(epoch from min(next_attempt_at) - now()) * 1000)"
                        + " from remediation_action where state = 'PENDING'"
                        + " and next_attempt_at > now() and action in (:actions)")
                .setParameter("actions", actions.stream().map(Enum::name).toList())
                .getSingleResult();
    return millis == null ? Duration.ZERO : Duration.ofMillis(Math.max(1, millis.longValue()));
  }

  private List<ActionLedgerEntity> lockDue(
      Collection<ActionType> actions, int limit, List<String> alreadyClaimed) {
    var query =
        entityManager.createNativeQuery(
            "select * from remediation_action where state = 'PENDING'"
                + " and next_attempt_at <= now() and action in (:actions)"
                + (alreadyClaimed.isEmpty() ? "" : " and action_id not in (:claimed)")
                + " order by next_attempt_at, action_id limit :limit for update skip locked",
            ActionLedgerEntity.class);
    query.setParameter("actions", actions.stream().map(Enum::name).toList());
    query.setParameter("limit", limit);
    if (!alreadyClaimed.isEmpty()) {
      query.setParameter("claimed", alreadyClaimed);
    }
    return query.getResultList();
  }

  /**
   * Rows whose lease ran out (their executor died or hangs) go back to PENDING. Graph may or may
   * not have applied them, so each keeps the earliest claim time it may have taken effect after:
   * the executor checks Graph for the effect before sending it again ({@code AppliedEffectCheck}).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int releaseAbandoned() {
    return entityManager
        .createNativeQuery(
            "update remediation_action set state = 'PENDING', next_attempt_at = now(),"
                + " possibly_applied_graph_earliest = case when possibly_applied_since is null"
                + " then claimed_graph_earliest else possibly_applied_graph_earliest end,"
                + " possibly_applied_graph_latest = case when possibly_applied_since is null"
                + " then claimed_graph_latest else possibly_applied_graph_latest end,"
                + " possibly_applied_since = coalesce(possibly_applied_since, claimed_at),"
                + " lease_expires_at = null"
                // a row without a lease (claimed before leases existed) falls back to the old
                // fixed age
                + " where state = 'IN_FLIGHT' and coalesce(lease_expires_at, claimed_at"
                + " + interval '2 minutes') < clock_timestamp()")
        .executeUpdate();
  }

  /**
   * Puts claimed rows back unsent, due again after {@code after}: nothing went to Graph, so the
   * claim costs no attempt and leaves no trace of a possible effect. Named by fencing tokens, so a
   * claim this instance lost is left alone.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int deferClaims(Collection<ActionLedgerEntity> claimed, Duration after) {
    List<Long> tokens = tokensOf(claimed);
    if (tokens.isEmpty()) {
      return 0;
    }
    return entityManager
        .createNativeQuery(
            "update remediation_action set state = 'PENDING', attempts = attempts - 1,"
                + " next_attempt_at = clock_timestamp() + make_interval(secs => :seconds),"
                + " lease_expires_at = null, claim_token = null"
                + " where "
                + HELD_IN_ACTION_ID_ORDER)
        .setParameter("seconds", after.toMillis() / 1000.0)
        .setParameter("tokens", tokens)
        .executeUpdate();
  }

  /**
   * Keeps the claims still being worked on from running out, named by their fencing tokens: a claim
   * this instance lost (released, claimed again elsewhere) is not extended. The lease is reckoned
   * in the database's clock, which all instances share.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int extendLeases(Collection<Long> claimTokens, Duration lease) {
    return lease(claimTokens, lease);
  }

  private int lease(Collection<Long> claimTokens, Duration lease) {
    if (claimTokens.isEmpty()) {
      return 0;
    }
    return entityManager
        .createNativeQuery(
            "update remediation_action set lease_expires_at = clock_timestamp()"
                + " + make_interval(secs => :seconds)"
                + " where "
                + HELD_IN_ACTION_ID_ORDER)
        .setParameter("seconds", lease.toMillis() / 1000.0)
        .setParameter("tokens", claimTokens)
        .executeUpdate();
  }

  /**
   * Moves the claim time of a batch up to just before its next send (clean-ups run one after
   * another, a budget may make a send wait), so that the time compared with Graph's for an
   * unconfirmed attempt is no later than the send and as close to it as can be.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void restampClaims(Collection<ActionLedgerEntity> claimed, ClaimTime time) {
    List<Long> tokens = tokensOf(claimed);
    if (tokens.isEmpty()) {
      return;
    }
    entityManager
        .createNativeQuery(
            "update remediation_action set claimed_at = :local, claimed_graph_earliest = :earliest,"
                + " claimed_graph_latest = :latest where "
                + HELD_IN_ACTION_ID_ORDER)
        .setParameter("local", time.local())
        .setParameter("earliest", time.graphEarliest())
        .setParameter("latest", time.graphLatest())
        .setParameter("tokens", tokens)
        .executeUpdate();
  }

  /**
   * The in-flight rows of these claims, locked in action id order, as {@link #lockedById} locks
   * them: the heartbeat, a restamp or a put-off updating several claimed rows while a completion
   * records some of them would otherwise lock in scan order and could deadlock with it, and the
   * completion's verdicts for a batch already sent would be lost.
   */
  private static final String HELD_IN_ACTION_ID_ORDER =
      "action_id in (select action_id from remediation_action where state = 'IN_FLIGHT'"
          + " and claim_token in (:tokens) order by action_id for update)";

  /**
   * The rows of these actions, locked until the transaction ends, in action id order (no deadlock
   * between two completions): a claim taken meanwhile waits, so the fencing token read is the row's
   * current one when the result is written.
   */
  public static Map<String, ActionLedgerEntity> lockedById(Collection<String> actionIds) {
    Map<String, ActionLedgerEntity> rows = new HashMap<>();
    if (!actionIds.isEmpty()) {
      ActionLedgerEntity.<ActionLedgerEntity>find(
              "actionId in ?1", io.quarkus.panache.common.Sort.by("actionId"), actionIds)
          .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
          .list()
          .forEach(row -> rows.put(row.actionId, row));
    }
    return rows;
  }

  /** The rows of these actions that exist, by action id, read in one query (a mutable map). */
  public static Map<String, ActionLedgerEntity> byId(Collection<String> actionIds) {
    Map<String, ActionLedgerEntity> rows = new HashMap<>();
    if (!actionIds.isEmpty()) {
      ActionLedgerEntity.<ActionLedgerEntity>list("actionId in ?1", actionIds)
          .forEach(row -> rows.put(row.actionId, row));
    }
    return rows;
  }

  /**
   * Whether Cordon disabled this account: a DISABLE_ACCOUNT that succeeded, with no ENABLE_ACCOUNT
   * that succeeded after it.
   */
  @Transactional
  public boolean disabledByCordon(String objectId) {
    List<String> actions =
        ActionLedgerEntity.<ActionLedgerEntity>find(
                "accountObjectId = ?1 and state = ?2 and outcome = ?3 and action in ?4"
                    + " order by completedAt desc",
                objectId,
                LedgerState.DONE.name(),
                "SUCCEEDED",
                List.of("DISABLE_ACCOUNT", "ENABLE_ACCOUNT"))
            .page(0, 1)
            .list()
            .stream()
            .map(row -> row.action)
            .toList();
    return actions.equals(List.of("DISABLE_ACCOUNT"));
  }

  public ActionLedgerEntity find(String actionId) {
    return ActionLedgerEntity.findById(actionId);
  }
}
