package io.cordon.playbook.repository;

import io.cordon.contracts.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs and their row locks. A transaction locks a run before it reads it in any other way: a run
 * already in the session would otherwise be returned as it was read, not as it is now.
 *
 * <p>Lock order everywhere: the run row first, then its executions; only the dispatcher locks
 * executions without the run row, and it never waits for a lock (SKIP LOCKED), so no two
 * transactions can wait for each other.
 */
@ApplicationScoped
public class RunStore {
  @Inject EntityManager entityManager;

  /** The run, locked until the transaction ends; waits for a concurrent holder. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<RunEntity> lock(String runId) {
    return single("select * from run where id = :id for update", runId);
  }

  /** The run, locked, or empty when another transaction holds it (or it does not exist). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<RunEntity> tryLock(String runId) {
    return single("select * from run where id = :id for update skip locked", runId);
  }

  /**
   * Serialises the transactions that may create the run of one report (chunks of a report read by
   * two instances during a rebalance), so exactly one of them creates it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<RunEntity> lockReportRun(String reportId) {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(hashtext(:reportId))")
        .setParameter("reportId", reportId)
        .getSingleResult();
    // the id only: loading the entity unlocked first would leave a stale copy in the session
    @SuppressWarnings("unchecked")
    List<String> ids =
        entityManager
            .createNativeQuery("select id from run where report_id = :reportId")
            .setParameter("reportId", reportId)
            .getResultList();
    return ids.stream().findFirst().flatMap(this::lock);
  }

  /** True the first time a chunk of the run is recorded. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean recordChunk(String runId, int chunk, Instant now) {
    // the run may still be an unflushed insert; the chunk row refers to it
    entityManager.flush();
    return entityManager
            .createNativeQuery(
                "insert into run_chunk (run_id, chunk, received_at) values (:run, :chunk, :now)"
                    + " on conflict do nothing")
            .setParameter("run", runId)
            .setParameter("chunk", chunk)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** True the first time the step is marked done, so its completion is announced once. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean markStepDone(String runId, int stepIndex) {
    entityManager.flush();
    return entityManager
            .createNativeQuery(
                "insert into run_step_done (run_id, step_index) values (:run, :step)"
                    + " on conflict do nothing")
            .setParameter("run", runId)
            .setParameter("step", stepIndex)
            .executeUpdate()
        == 1;
  }

  public Optional<RunEntity> find(String runId) {
    return Optional.ofNullable(entityManager.find(RunEntity.class, runId));
  }

  /**
   * Runs newest first, after the (createdAt, id) of the last one already listed.
   *
   * @param states empty for every state
   */
  public List<RunEntity> page(
      String incidentId, List<RunState> states, Instant afterCreated, String afterId, int limit) {
    StringBuilder jpql = new StringBuilder("select r from RunEntity r where 1 = 1");
    if (incidentId != null) {
      jpql.append(" and r.incidentId = :incident");
    }
    if (!states.isEmpty()) {
      jpql.append(" and r.state in :states");
    }
    if (afterCreated != null) {
      jpql.append(
          " and (r.createdAt < :afterCreated or (r.createdAt = :afterCreated and r.id < :afterId))");
    }
    jpql.append(" order by r.createdAt desc, r.id desc");
    TypedQuery<RunEntity> query = entityManager.createQuery(jpql.toString(), RunEntity.class);
    if (incidentId != null) {
      query.setParameter("incident", incidentId);
    }
    if (!states.isEmpty()) {
      query.setParameter("states", states);
    }
    if (afterCreated != null) {
      query.setParameter("afterCreated", afterCreated).setParameter("afterId", afterId);
    }
    return query.setMaxResults(limit).getResultList();
  }

  private Optional<RunEntity> single(String sql, String runId) {
    @SuppressWarnings("unchecked")
    List<RunEntity> rows =
        entityManager
            .createNativeQuery(sql, RunEntity.class)
            .setParameter("id", runId)
            .getResultList();
    return rows.stream().findFirst();
  }
}
