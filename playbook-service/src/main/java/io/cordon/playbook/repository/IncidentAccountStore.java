package io.cordon.playbook.repository;

import io.cordon.playbook.model.ContainmentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The accounts of incidents and where their containment stands. */
@ApplicationScoped
public class IncidentAccountStore {
  @Inject EntityManager entityManager;

  /**
   * Serialises the intake of these accounts across reports (whatever their incidents), so that two
   * reports of one account cannot both decide that it still needs containing. Locks are taken in
   * one order (sorted ids), so two intakes never wait for each other in a circle.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockIntake(Collection<String> objectIds) {
    objectIds.stream()
        .sorted()
        .forEach(
            id ->
                entityManager
                    .createNativeQuery("select pg_advisory_xact_lock(hashtext('account:' || :id))")
                    .setParameter("id", id)
                    .getSingleResult());
  }

  /** Every row of these accounts in incidents that are not closed, by account. */
  public Map<String, List<IncidentAccountEntity>> inOpenIncidents(Collection<String> objectIds) {
    Map<String, List<IncidentAccountEntity>> byAccount = new HashMap<>();
    if (objectIds.isEmpty()) {
      return byAccount;
    }
    entityManager
        .createQuery(
            "select a from IncidentAccountEntity a, IncidentEntity i where i.id ="
                + " a.key.incidentId and i.state <> io.cordon.playbook.model.IncidentState.CLOSED"
                + " and a.key.objectId in :ids",
            IncidentAccountEntity.class)
        .setParameter("ids", objectIds)
        .getResultList()
        .forEach(
            row ->
                byAccount
                    .computeIfAbsent(row.key.objectId, id -> new java.util.ArrayList<>())
                    .add(row));
    return byAccount;
  }

  /** These accounts' rows in one incident, by account. */
  public Map<String, IncidentAccountEntity> of(String incidentId, Collection<String> objectIds) {
    Map<String, IncidentAccountEntity> byAccount = new HashMap<>();
    if (objectIds.isEmpty()) {
      return byAccount;
    }
    IncidentAccountEntity.<IncidentAccountEntity>find(
            "key.incidentId = ?1 and key.objectId in ?2", incidentId, objectIds)
        .list()
        .forEach(row -> byAccount.put(row.key.objectId, row));
    return byAccount;
  }

  /** The accounts whose release the given run (of release-account) carries out. */
  public List<IncidentAccountEntity> releasedBy(String runId) {
    return IncidentAccountEntity.<IncidentAccountEntity>find("releaseRunId", runId).list();
  }

  /** Rows whose state the given run decides, among these accounts. */
  public List<IncidentAccountEntity> decidedBy(String runId, Collection<String> objectIds) {
    if (objectIds.isEmpty()) {
      return List.of();
    }
    return IncidentAccountEntity.<IncidentAccountEntity>find(
            "runId = ?1 and key.objectId in ?2", runId, objectIds)
        .list();
  }

  /**
   * The per-account step states and actions of the run's accounts it still holds IN_PROGRESS, or
   * whose clean-up it still holds ({@code cleanupReason}): what a run that ended (or was cancelled)
   * leaves them in. One row per (account, step).
   */
  public List<Object[]> stepStatesStillInProgress(String runId, String cleanupReason) {
    // steps finished in this transaction must be seen by the query below
    entityManager.flush();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select e.object_id, e.state, e.action from step_execution e join incident_account a on"
                    + " a.run_id = e.run_id and a.object_id = e.object_id where e.run_id = :run"
                    + " and (a.state = 'IN_PROGRESS' or a.reason_code = :cleanup)")
            .setParameter("run", runId)
            .setParameter("cleanup", cleanupReason)
            .getResultList();
    return rows;
  }

  /** How many of the incident's accounts have no final containment state. */
  public long notFinal(String incidentId) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "select count(*) from incident_account where incident_id = :id and state in"
                        + " ('UNCONTAINED', 'IN_PROGRESS')")
                .setParameter("id", incidentId)
                .getSingleResult())
        .longValue();
  }

  /** Accounts per containment state, every state present (0 when none). */
  public Map<ContainmentState, Long> counts(String incidentId) {
    Map<ContainmentState, Long> counts = new EnumMap<>(ContainmentState.class);
    for (ContainmentState state : ContainmentState.values()) {
      counts.put(state, 0L);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select state, count(*) from incident_account where incident_id = :id group by"
                    + " state")
            .setParameter("id", incidentId)
            .getResultList();
    rows.forEach(
        row ->
            counts.put(ContainmentState.valueOf((String) row[0]), ((Number) row[1]).longValue()));
    return counts;
  }

  /** A page of an incident's accounts in order of joining, after the given sort key. */
  public List<IncidentAccountEntity> page(
      String incidentId,
      Set<ContainmentState> states,
      Instant afterJoined,
      String afterObjectId,
      int limit) {
    StringBuilder jpql =
        new StringBuilder("select a from IncidentAccountEntity a where a.key.incidentId = :id");
    if (!states.isEmpty()) {
      jpql.append(" and a.state in :states");
    }
    if (afterJoined != null) {
      jpql.append(
          " and (a.joinedAt > :afterJoined or (a.joinedAt = :afterJoined and a.key.objectId >"
              + " :afterId))");
    }
    jpql.append(" order by a.joinedAt, a.key.objectId");
    TypedQuery<IncidentAccountEntity> query =
        entityManager
            .createQuery(jpql.toString(), IncidentAccountEntity.class)
            .setParameter("id", incidentId);
    if (!states.isEmpty()) {
      query.setParameter("states", states);
    }
    if (afterJoined != null) {
      query.setParameter("afterJoined", afterJoined).setParameter("afterId", afterObjectId);
    }
    return query.setMaxResults(limit).getResultList();
  }

  /** Every account of an incident in order of joining. */
  public List<IncidentAccountEntity> ofIncident(String incidentId) {
    return IncidentAccountEntity.<IncidentAccountEntity>find(
            "key.incidentId = ?1 order by joinedAt, key.objectId", incidentId)
        .list();
  }

  /** Every incident row of an account, newest first. */
  public List<IncidentAccountEntity> ofAccount(String objectId) {
    return IncidentAccountEntity.<IncidentAccountEntity>find(
            "key.objectId = ?1 order by joinedAt desc", objectId)
        .list();
  }

  /** The object id of an account known by its UPN (case-insensitive). */
  public Optional<String> objectIdOf(String upn) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        entityManager
            .createNativeQuery(
                "select object_id from incident_account where lower(user_principal_name) ="
                    + " lower(:upn) order by joined_at desc limit 1")
            .setParameter("upn", upn)
            .getResultList();
    return ids.stream().findFirst();
  }
}
