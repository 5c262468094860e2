package io.cordon.account.repository;

import io.cordon.account.model.EntryRejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Earlier deliveries of a report, found by the sender's delivery key. */
@ApplicationScoped
public class ReportDeliveries {
  @Inject EntityManager entityManager;

  /**
   * Holds deliveries with this key back until the current transaction ends, so two copies arriving
   * at once (a retry racing the original) cannot both create a report.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock(String reportedBy, String deliveryKey) {
    long lockId = ((long) reportedBy.hashCode() << 32) | (deliveryKey.hashCode() & 0xffffffffL);
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(:id)")
        .setParameter("id", lockId)
        .getSingleResult();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<CompromiseReportEntity> find(String reportedBy, String deliveryKey) {
    return CompromiseReportEntity.find(
            "reportedBy = ?1 and deliveryKey = ?2", reportedBy, deliveryKey)
        .firstResultOptional();
  }

  public List<EntryRejection> rejections(UUID reportId) {
    return ReportRejectionEntity.<ReportRejectionEntity>find(
            "key.reportId = ?1 order by key.position", reportId)
        .stream()
        .map(rejection -> new EntryRejection(rejection.input, rejection.reason))
        .toList();
  }
}
