package io.cordon.account.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Override requests and approved overrides of protected accounts. */
@ApplicationScoped
public class ProtectionOverrides {
  @Inject EntityManager entityManager;

  /**
   * Holds other changes to this account's overrides back until the current transaction ends, so two
   * requests (or a request and an approval) arriving at once cannot both see "none open".
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock(String objectId) {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(:id)")
        .setParameter("id", ("protection-override:" + objectId).hashCode() & 0xffffffffL)
        .getSingleResult();
  }

  /** The account's pending request or unexpired override, if it has one. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<ProtectionOverrideEntity> open(String objectId, Instant now) {
    List<ProtectionOverrideEntity> rows =
        ProtectionOverrideEntity.list(
            "objectId = ?1 and endedAt is null order by requestedAt desc", objectId);
    return rows.stream().filter(row -> row.openAt(now)).findFirst();
  }

  /** Which of these accounts have an approved override in force at {@code now}. */
  @Transactional
  public Set<String> activeAmong(Collection<String> objectIds, Instant now) {
    if (objectIds.isEmpty()) {
      return Set.of();
    }
    List<ProtectionOverrideEntity> rows =
        ProtectionOverrideEntity.list(
            "objectId in ?1 and approvedAt is not null and endedAt is null and expiresAt > ?2",
            objectIds,
            now);
    Set<String> active = new HashSet<>();
    rows.forEach(row -> active.add(row.objectId));
    return active;
  }
}
