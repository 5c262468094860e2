package io.cordon.playbook.repository;

import io.cordon.playbook.model.ExecutionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The accounts of runs; written once when they join a run. */
@ApplicationScoped
public class RunAccountStore {
  @Inject EntityManager entityManager;

  public List<RunAccountEntity> of(String runId, Collection<String> objectIds) {
    if (objectIds.isEmpty()) {
      return List.of();
    }
    return RunAccountEntity.<RunAccountEntity>find(
            "key.runId = ?1 and key.objectId in ?2", runId, objectIds)
        .list();
  }

  /** The accounts of a run a responder excluded or marked done. */
  public Set<String> settled(String runId) {
    return new HashSet<>(
        entityManager
            .createQuery(
                "select a.key.objectId from RunAccountEntity a"
                    + " where a.key.runId = :run and a.settledAs is not null",
                String.class)
            .setParameter("run", runId)
            .getResultList());
  }

  /** The accounts of a run a responder excluded: no step of this run contains them. */
  public Set<String> excluded(String runId) {
    return new HashSet<>(
        entityManager
            .createQuery(
                "select a.key.objectId from RunAccountEntity a"
                    + " where a.key.runId = :run and a.settledAs = 'EXCLUDED'",
                String.class)
            .setParameter("run", runId)
            .getResultList());
  }

  public List<RunAccountEntity> all(String runId) {
    return RunAccountEntity.<RunAccountEntity>find("key.runId = ?1 order by position", runId)
        .list();
  }

  /** Which of these accounts the run already has (a chunk delivered twice adds nobody). */
  public Set<String> existing(String runId, Collection<String> objectIds) {
    if (objectIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        entityManager
            .createQuery(
                "select a.key.objectId from RunAccountEntity a"
                    + " where a.key.runId = :run and a.key.objectId in :ids",
                String.class)
            .setParameter("run", runId)
            .setParameter("ids", objectIds)
            .getResultList());
  }

  /**
   * A page of the run's accounts by position; with {@code states}, only accounts with at least one
   * execution in one of them.
   */
  public List<RunAccountEntity> page(
      String runId, Set<ExecutionState> states, int afterPosition, int limit) {
    boolean filtered = states != null && !states.isEmpty();
    String jpql =
        "select a from RunAccountEntity a where a.key.runId = :run and a.position > :after"
            + (!filtered
                ? ""
                : " and exists (select 1 from StepExecutionEntity e where e.runId = a.key.runId"
                    + " and e.objectId = a.key.objectId and e.state in :states)")
            + " order by a.position";
    TypedQuery<RunAccountEntity> query =
        entityManager
            .createQuery(jpql, RunAccountEntity.class)
            .setParameter("run", runId)
            .setParameter("after", afterPosition);
    if (filtered) {
      query.setParameter("states", states);
    }
    return query.setMaxResults(limit).getResultList();
  }

  /** The account as the latest run of the incident that had it knew it. */
  public java.util.Optional<RunAccountEntity> latestInIncident(String incidentId, String objectId) {
    return RunAccountEntity.<RunAccountEntity>find(
            "select a from RunAccountEntity a, RunEntity r where r.id = a.key.runId"
                + " and r.incidentId = ?1 and a.key.objectId = ?2 order by r.createdAt desc",
            incidentId,
            objectId)
        .firstResultOptional();
  }
}
