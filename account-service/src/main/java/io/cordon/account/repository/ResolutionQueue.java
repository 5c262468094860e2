package io.cordon.account.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Accounts waiting to be resolved; claiming pushes their next attempt past a lease. */
@ApplicationScoped
public class ResolutionQueue {
  @Inject EntityManager entityManager;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<ReportAccountEntity> claimDue(int limit, Duration lease) {
    @SuppressWarnings("unchecked")
    List<ReportAccountEntity> rows =
        entityManager
            .createNativeQuery(
                "select * from report_account where resolution = 'PENDING'"
                    + " and next_attempt_at <= now() order by next_attempt_at, report_id, position"
                    + " limit :limit for update skip locked",
                ReportAccountEntity.class)
            .setParameter("limit", limit)
            .getResultList();
    Instant leaseEnd = Instant.now().plus(lease);
    for (ReportAccountEntity row : rows) {
      row.attempts++;
      // a crash before the outcome is recorded lets the lease run out and the account be retried
      row.nextAttemptAt = leaseEnd;
    }
    return rows;
  }

  public long pendingIn(java.util.UUID reportId) {
    return ReportAccountEntity.count(
        "reportId = ?1 and resolution = ?2", reportId, Resolution.PENDING.name());
  }
}
