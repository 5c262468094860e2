package io.cordon.playbook.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What reports, detections and manual runs said about accounts. */
@ApplicationScoped
public class AccountEvidenceStore {

  /** Accounts of a report that already have evidence of it (a chunk naming one twice). */
  public Set<String> recorded(String reportId, Collection<String> objectIds) {
    if (reportId == null || objectIds.isEmpty()) {
      return Set.of();
    }
    Set<String> ids = new HashSet<>();
    AccountEvidenceEntity.<AccountEvidenceEntity>find(
            "reportId = ?1 and objectId in ?2", reportId, objectIds)
        .list()
        .forEach(row -> ids.add(row.objectId));
    return ids;
  }

  /**
   * The earliest activity the incident's evidence names for each of these accounts; accounts whose
   * evidence names none are absent.
   */
  public Map<String, Instant> firstActivity(String incidentId, Collection<String> objectIds) {
    Map<String, Instant> first = new HashMap<>();
    if (objectIds.isEmpty()) {
      return first;
    }
    AccountEvidenceEntity.getEntityManager()
        .createQuery(
            "select e.objectId, min(e.activityAt) from AccountEvidenceEntity e"
                + " where e.incidentId = ?1 and e.objectId in ?2 and e.activityAt is not null"
                + " group by e.objectId",
            Object[].class)
        .setParameter(1, incidentId)
        .setParameter(2, objectIds)
        .getResultList()
        .forEach(row -> first.put((String) row[0], (Instant) row[1]));
    return first;
  }

  /** Every piece of evidence about an account, oldest first. */
  public List<AccountEvidenceEntity> ofAccount(String objectId) {
    return AccountEvidenceEntity.<AccountEvidenceEntity>find("objectId = ?1 order by id", objectId)
        .list();
  }
}
