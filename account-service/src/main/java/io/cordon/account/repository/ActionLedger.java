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

  /**
   * Marks up to {@code limit} due rows of the given actions IN_FLIGHT and returns them. Fewer than
   * {@code limit} are taken only once the oldest has waited {@code linger}, so that a flood of
   * requests leaves in full batches.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<ActionLedgerEntity> claimDue(
      Collection<ActionType> actions, int limit, Duration linger) {
    List<ActionLedgerEntity> rows = new java.util.ArrayList<>(lockDue(actions, limit, List.of()));
    // PostgreSQL applies LIMIT before FOR UPDATE re-checks rows changed concurrently, so a select
    // can
    // come back short while due rows remain: top up once before settling for a partial batch
    if (!rows.isEmpty() && rows.size() < limit) {
      rows.addAll(
          lockDue(actions, limit - rows.size(), rows.stream().map(r -> r.actionId).toList()));
    }
    Instant now = Instant.now();
    Instant lingerCutoff = now.minus(linger);
    if (rows.size() < limit && rows.stream().allMatch(r -> r.nextAttemptAt.isAfter(lingerCutoff))) {
      return List.of();
    }
    for (ActionLedgerEntity row : rows) {
      row.state = LedgerState.IN_FLIGHT.name();
      row.claimedAt = now;
      row.attempts++;
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
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
   * Rows claimed by an executor that died mid-send go back to PENDING. Graph may or may not have
   * applied them, so each keeps the earliest claim time it may have taken effect after: the
   * executor checks Graph for the effect before sending it again ({@code AppliedEffectCheck}).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int releaseAbandoned(Duration lease) {
    return entityManager
        .createNativeQuery(
            "update remediation_action set state = 'PENDING', next_attempt_at = now(),"
                + " possibly_applied_since = coalesce(possibly_applied_since, claimed_at)"
                + " where state = 'IN_FLIGHT' and claimed_at < :cutoff")
        .setParameter("cutoff", Instant.now().minus(lease))
        .executeUpdate();
  }

  /**
   * Keeps the claims of a batch that is still being worked on (clean-ups run one after another, a
   * send may wait for Graph 30 s) from being released as abandoned. Called before anything further
   * of the batch is sent, so the claim time stays no later than any send it covers.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void renewClaims(Collection<String> actionIds) {
    if (actionIds.isEmpty()) {
      return;
    }
    entityManager
        .createNativeQuery(
            "update remediation_action set claimed_at = :now"
                + " where state = 'IN_FLIGHT' and action_id in (:ids)")
        .setParameter("now", Instant.now())
        .setParameter("ids", actionIds)
        .executeUpdate();
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

  public ActionLedgerEntity find(String actionId) {
    return ActionLedgerEntity.findById(actionId);
  }
}
