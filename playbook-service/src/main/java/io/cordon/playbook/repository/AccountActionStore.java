package io.cordon.playbook.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Every step any run took (or holds) for one account, with the incident of its run. */
@ApplicationScoped
public class AccountActionStore {
  @Inject EntityManager entityManager;

  /** Pairs of (execution, incident id), in the order the runs started and their steps run. */
  public List<Object[]> ofAccount(String objectId) {
    return entityManager
        .createQuery(
            "select e, r.incidentId from StepExecutionEntity e, RunEntity r where r.id = e.runId"
                + " and e.objectId = :id order by r.createdAt, r.id, e.stepIndex",
            Object[].class)
        .setParameter("id", objectId)
        .getResultList();
  }

  /** The object id of an account a run knows by its UPN (case-insensitive). */
  public List<String> objectIdOf(String upn) {
    return entityManager
        .createQuery(
            "select a.key.objectId from RunAccountEntity a where lower(a.userPrincipalName) ="
                + " lower(:upn)",
            String.class)
        .setParameter("upn", upn)
        .setMaxResults(1)
        .getResultList();
  }
}
