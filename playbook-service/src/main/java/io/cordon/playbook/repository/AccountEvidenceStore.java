package io.cordon.playbook.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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

  /** Every piece of evidence about an account, oldest first. */
  public List<AccountEvidenceEntity> ofAccount(String objectId) {
    return AccountEvidenceEntity.<AccountEvidenceEntity>find("objectId = ?1 order by id", objectId)
        .list();
  }
}
