package io.cordon.playbook.repository;

import io.cordon.playbook.model.IncidentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Incidents and their row locks. A transaction that changes an incident's accounts locks the
 * incident last (after the run and the accounts), so two writers never wait for each other in a
 * circle.
 */
@ApplicationScoped
public class IncidentStore {
  @Inject EntityManager entityManager;

  /** Creates the incident unless it exists; true when this call created it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean createIfAbsent(String id, String title, String severity, Instant now) {
    return entityManager
            .createNativeQuery(
                "insert into incident (id, title, severity, state, opened_at, updated_at)"
                    + " values (:id, :title, :severity, 'OPEN', :now, :now) on conflict do nothing")
            .setParameter("id", id)
            .setParameter("title", title)
            .setParameter("severity", severity)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** The incident, locked until the transaction ends. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<IncidentEntity> lock(String id) {
    entityManager.flush();
    @SuppressWarnings("unchecked")
    List<IncidentEntity> rows =
        entityManager
            .createNativeQuery(
                "select * from incident where id = :id for update", IncidentEntity.class)
            .setParameter("id", id)
            .getResultList();
    return rows.stream().findFirst();
  }

  public Optional<IncidentEntity> find(String id) {
    return Optional.ofNullable(entityManager.find(IncidentEntity.class, id));
  }

  /**
   * The not-closed incident that most recently took in one of these accounts, if any: where a
   * detection that names no incident belongs.
   */
  public Optional<String> openHolding(Collection<String> objectIds) {
    if (objectIds.isEmpty()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<String> ids =
        entityManager
            .createNativeQuery(
                "select a.incident_id from incident_account a join incident i on i.id ="
                    + " a.incident_id where i.state <> 'CLOSED' and a.object_id in (:ids)"
                    + " order by a.joined_at desc, a.incident_id limit 1")
            .setParameter("ids", objectIds)
            .getResultList();
    return ids.stream().findFirst();
  }

  /**
   * Incidents newest first, after the (openedAt, id) of the last one already listed.
   *
   * @param states empty for every state
   */
  public List<IncidentEntity> page(
      List<IncidentState> states, Instant afterOpened, String afterId, int limit) {
    StringBuilder jpql = new StringBuilder("select i from IncidentEntity i where 1 = 1");
    if (!states.isEmpty()) {
      jpql.append(" and i.state in :states");
    }
    if (afterOpened != null) {
      jpql.append(
          " and (i.openedAt < :afterOpened or (i.openedAt = :afterOpened and i.id < :afterId))");
    }
    jpql.append(" order by i.openedAt desc, i.id desc");
    TypedQuery<IncidentEntity> query =
        entityManager.createQuery(jpql.toString(), IncidentEntity.class);
    if (!states.isEmpty()) {
      query.setParameter("states", states);
    }
    if (afterOpened != null) {
      query.setParameter("afterOpened", afterOpened).setParameter("afterId", afterId);
    }
    return query.setMaxResults(limit).getResultList();
  }
}
