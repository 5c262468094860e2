package io.cordon.account.repository;

import io.cordon.account.model.AccountFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The latest resolved facts per object id, from the reports this service resolved. */
@ApplicationScoped
public class AccountFactsStore {

  @Transactional
  public Map<String, AccountFacts> factsFor(Collection<String> objectIds) {
    Map<String, AccountFacts> facts = new HashMap<>();
    if (objectIds.isEmpty()) {
      return facts;
    }
    List<ReportAccountEntity> rows =
        ReportAccountEntity.list(
            "objectId in ?1 and resolution = ?2 order by resolvedAt",
            objectIds,
            Resolution.RESOLVED.name());
    for (ReportAccountEntity row : rows) {
      facts.put(
          row.objectId,
          new AccountFacts(
              "GUEST".equalsIgnoreCase(row.userType),
              Boolean.TRUE.equals(row.onPremisesSynced),
              row.privilegedRoles != null && !row.privilegedRoles.isBlank()));
    }
    return facts;
  }
}
