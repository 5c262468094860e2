package io.cordon.playbook.repository;

import io.cordon.playbook.model.ExecutionCounts;
import io.cordon.playbook.model.ExecutionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Step executions: the due-work queries of the pollers and the reads of the engine. */
@ApplicationScoped
public class ExecutionStore {
  @Inject EntityManager entityManager;

  /**
   * Due executions, locked; rows another instance is dispatching are skipped rather than waited
   * for, so instances share the work and none dispatches a row twice.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public List<StepExecutionEntity> lockDue(Instant now, int limit) {
    return entityManager
        .createNativeQuery(
            "select * from step_execution e where e.state = 'PENDING' and e.due_at <= :now"
                // a paused run keeps its due executions until it is resumed
                + " and not exists (select 1 from run r where r.id = e.run_id"
                + " and r.paused_at is not null)"
                + " order by e.due_at, e.id limit :limit for update skip locked",
            StepExecutionEntity.class)
        .setParameter("now", now)
        .setParameter("limit", limit)
        .getResultList();
  }

  /** One account's executions in a run, locked, in step order. */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public List<StepExecutionEntity> lockOfAccount(String runId, String objectId) {
    return entityManager
        .createNativeQuery(
            "select * from step_execution where run_id = :run and object_id = :account"
                + " order by step_index for update",
            StepExecutionEntity.class)
        .setParameter("run", runId)
        .setParameter("account", objectId)
        .getResultList();
  }

  /** Every account's execution of one step of a run, locked, in id order. */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public List<StepExecutionEntity> lockOfStep(String runId, int stepIndex) {
    return entityManager
        .createNativeQuery(
            "select * from step_execution where run_id = :run and step_index = :step"
                + " and object_id is not null order by id for update",
            StepExecutionEntity.class)
        .setParameter("run", runId)
        .setParameter("step", stepIndex)
        .getResultList();
  }

  /** The executions these action ids currently belong to, locked, in id order. */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public List<StepExecutionEntity> lockByActionIds(Collection<String> actionIds) {
    if (actionIds.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createNativeQuery(
            "select * from step_execution where action_id in (:ids) order by id for update",
            StepExecutionEntity.class)
        .setParameter("ids", actionIds)
        .getResultList();
  }

  /** Attempts of the run whose deadline passed, locked. */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public List<StepExecutionEntity> lockTimedOut(String runId, Instant now) {
    return entityManager
        .createNativeQuery(
            "select * from step_execution where run_id = :run and state = 'IN_PROGRESS'"
                + " and deadline_at <= :now order by id for update",
            StepExecutionEntity.class)
        .setParameter("run", runId)
        .setParameter("now", now)
        .getResultList();
  }

  /** Runs with at least one attempt past its deadline. */
  @SuppressWarnings("unchecked")
  public List<String> runsWithTimedOutAttempts(Instant now, int limit) {
    return entityManager
        .createNativeQuery(
            "select distinct run_id from step_execution where state = 'IN_PROGRESS'"
                + " and deadline_at <= :now limit :limit")
        .setParameter("now", now)
        .setParameter("limit", limit)
        .getResultList();
  }

  /** Every per-account execution of these accounts, by account and step. */
  public List<StepExecutionEntity> ofAccounts(String runId, Collection<String> objectIds) {
    if (objectIds.isEmpty()) {
      return List.of();
    }
    return StepExecutionEntity.<StepExecutionEntity>find(
            "runId = ?1 and objectId in ?2 order by objectId, stepIndex", runId, objectIds)
        .list();
  }

  /** Every per-account execution of the run from step {@code fromStep} on. */
  public List<StepExecutionEntity> ofAllAccountsFrom(String runId, int fromStep) {
    return StepExecutionEntity.<StepExecutionEntity>find(
            "runId = ?1 and objectId is not null and stepIndex >= ?2 order by objectId, stepIndex",
            runId,
            fromStep)
        .list();
  }

  public List<StepExecutionEntity> runLevelAll(String runId) {
    return StepExecutionEntity.<StepExecutionEntity>find(
            "runId = ?1 and objectId is null order by stepIndex", runId)
        .list();
  }

  /** The executions an approval holds. */
  public List<StepExecutionEntity> waitingOn(String approvalId) {
    return StepExecutionEntity.<StepExecutionEntity>find(
            "approvalId = ?1 and state = ?2 order by id",
            approvalId,
            ExecutionState.WAITING_APPROVAL)
        .list();
  }

  public long countByApproval(String approvalId) {
    return StepExecutionEntity.count("approvalId", approvalId);
  }

  /** Executions per step and state; sees this transaction's changes. */
  public ExecutionCounts counts(String runId) {
    entityManager.flush();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select step_index, state, count(*) from step_execution where run_id = :run"
                    + " group by step_index, state")
            .setParameter("run", runId)
            .getResultList();
    ExecutionCounts counts = new ExecutionCounts();
    for (Object[] row : rows) {
      counts.add(
          ((Number) row[0]).intValue(),
          ExecutionState.valueOf((String) row[1]),
          ((Number) row[2]).longValue());
    }
    return counts;
  }

  /**
   * Like {@link #counts} over per-account executions, leaving out those a {@code when} condition
   * skipped: what was actually done to accounts.
   */
  public ExecutionCounts countsOfApplicable(String runId, String conditionNotMet) {
    entityManager.flush();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select step_index, state, count(*) from step_execution where run_id = :run"
                    + " and object_id is not null"
                    + " and coalesce(reason_code, '') <> :skipped group by step_index, state")
            .setParameter("run", runId)
            .setParameter("skipped", conditionNotMet)
            .getResultList();
    ExecutionCounts counts = new ExecutionCounts();
    for (Object[] row : rows) {
      counts.add(
          ((Number) row[0]).intValue(),
          ExecutionState.valueOf((String) row[1]),
          ((Number) row[2]).longValue());
    }
    return counts;
  }

  /** First start and last finish per step index. */
  public Map<Integer, Instant[]> stepTimes(String runId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select step_index, min(started_at), max(finished_at) from step_execution"
                    + " where run_id = :run group by step_index")
            .setParameter("run", runId)
            .getResultList();
    Map<Integer, Instant[]> times = new HashMap<>();
    for (Object[] row : rows) {
      times.put(((Number) row[0]).intValue(), new Instant[] {instant(row[1]), instant(row[2])});
    }
    return times;
  }

  /** Final and all executions per run, for progress in run lists. */
  public Map<String, long[]> progress(Collection<String> runIds) {
    if (runIds.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select run_id, count(*) filter (where state in"
                    + " ('SUCCEEDED', 'SKIPPED', 'REQUIRES_MANUAL', 'FAILED', 'CANCELLED')),"
                    + " count(*) from step_execution where run_id in (:runs) group by run_id")
            .setParameter("runs", runIds)
            .getResultList();
    Map<String, long[]> progress = new HashMap<>();
    for (Object[] row : rows) {
      progress.put(
          (String) row[0],
          new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
    }
    return progress;
  }

  /**
   * Ends every execution of the run that has not started: waiting, due or held for approval.
   * Attempts already in progress are left to report their real outcome.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int cancelNotStarted(String runId, String reasonCode, String message, Instant now) {
    entityManager.flush();
    return entityManager
        .createNativeQuery(
            "update step_execution set state = 'CANCELLED', reason_code = :reason,"
                + " reason_message = :message, finished_at = :now, updated_at = :now,"
                + " due_at = null where run_id = :run"
                + " and state in ('WAITING', 'PENDING', 'WAITING_APPROVAL')")
        .setParameter("reason", reasonCode)
        .setParameter("message", message)
        .setParameter("now", now)
        .setParameter("run", runId)
        .executeUpdate();
  }

  /** Per-account executions of these accounts for a page of GET /runs/{id}/accounts. */
  public Map<String, List<StepExecutionEntity>> byAccount(
      String runId, Collection<String> objectIds) {
    Map<String, List<StepExecutionEntity>> byAccount = new HashMap<>();
    for (StepExecutionEntity row : ofAccounts(runId, objectIds)) {
      byAccount.computeIfAbsent(row.objectId, id -> new ArrayList<>()).add(row);
    }
    return byAccount;
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
