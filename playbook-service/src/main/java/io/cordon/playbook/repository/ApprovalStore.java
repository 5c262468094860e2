package io.cordon.playbook.repository;

import io.cordon.playbook.model.ApprovalState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Approval requests. */
@ApplicationScoped
public class ApprovalStore {
  @Inject EntityManager entityManager;

  /** The pending approval of a run's step, if one is open. */
  public Optional<ApprovalEntity> pending(String runId, int stepIndex) {
    return ApprovalEntity.<ApprovalEntity>find(
            "runId = ?1 and stepIndex = ?2 and state = ?3", runId, stepIndex, ApprovalState.PENDING)
        .firstResultOptional();
  }

  public Optional<ApprovalEntity> find(String approvalId) {
    return Optional.ofNullable(entityManager.find(ApprovalEntity.class, approvalId));
  }

  /** Pending approvals past their timeout, with their runs, oldest first. */
  public List<ApprovalEntity> expired(Instant now, int limit) {
    return ApprovalEntity.<ApprovalEntity>find(
            "state = ?1 and expiresAt <= ?2 order by expiresAt", ApprovalState.PENDING, now)
        .page(0, limit)
        .list();
  }

  /** The run's pending approvals past their timeout. */
  public List<ApprovalEntity> expired(String runId, Instant now) {
    return ApprovalEntity.<ApprovalEntity>find(
            "runId = ?1 and state = ?2 and expiresAt <= ?3 order by expiresAt",
            runId,
            ApprovalState.PENDING,
            now)
        .list();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public int cancelPending(String runId, Instant now) {
    return entityManager
        .createQuery(
            "update ApprovalEntity a set a.state = :cancelled, a.decidedAt = :now"
                + " where a.runId = :run and a.state = :pending")
        .setParameter("cancelled", ApprovalState.CANCELLED)
        .setParameter("pending", ApprovalState.PENDING)
        .setParameter("now", now)
        .setParameter("run", runId)
        .executeUpdate();
  }

  /** Approvals oldest first, after the (requestedAt, id) of the last one already listed. */
  public List<ApprovalEntity> page(
      ApprovalState state, String runId, Instant afterRequested, String afterId, int limit) {
    StringBuilder jpql = new StringBuilder("select a from ApprovalEntity a where 1 = 1");
    if (state != null) {
      jpql.append(" and a.state = :state");
    }
    if (runId != null) {
      jpql.append(" and a.runId = :run");
    }
    if (afterRequested != null) {
      jpql.append(
          " and (a.requestedAt > :afterRequested"
              + " or (a.requestedAt = :afterRequested and a.id > :afterId))");
    }
    jpql.append(" order by a.requestedAt, a.id");
    TypedQuery<ApprovalEntity> query =
        entityManager.createQuery(jpql.toString(), ApprovalEntity.class);
    if (state != null) {
      query.setParameter("state", state);
    }
    if (runId != null) {
      query.setParameter("run", runId);
    }
    if (afterRequested != null) {
      query.setParameter("afterRequested", afterRequested).setParameter("afterId", afterId);
    }
    return query.setMaxResults(limit).getResultList();
  }
}
