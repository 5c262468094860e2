package io.cordon.account.repository;

import io.cordon.account.model.AccountIdentifier;
import io.cordon.account.model.EntryRejection;
import io.cordon.account.model.IntakeOutcome;
import io.cordon.contracts.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes a report with all its entries in one transaction, flushing in JDBC batches. */
@ApplicationScoped
public class ReportStore {
  private static final int FLUSH_EVERY = 1000;

  @Inject EntityManager entityManager;

  @Transactional(Transactional.TxType.MANDATORY)
  public void saveEntries(UUID reportId, IntakeOutcome outcome) {
    List<AccountIdentifier> accepted = outcome.accepted();
    List<EntryRejection> rejected = outcome.rejected();
    for (int i = 0; i < accepted.size(); i++) {
      ReportAccountEntity account = pendingAccount(reportId, i, accepted.get(i));
      account.tenantName = outcome.tenantOf(accepted.get(i));
      entityManager.persist(account);
      flushEvery(i);
    }
    for (int i = 0; i < rejected.size(); i++) {
      ReportRejectionEntity rejection = new ReportRejectionEntity();
      rejection.key = new ReportRejectionEntity.Key(reportId, i);
      rejection.input = rejected.get(i).input();
      rejection.reason = rejected.get(i).reason();
      entityManager.persist(rejection);
      flushEvery(i);
    }
  }

  public List<ReportAccountEntity> accountsPage(UUID reportId, int afterPosition, int limit) {
    return ReportAccountEntity.find(
            "reportId = ?1 and position > ?2 order by position", reportId, afterPosition)
        .page(0, limit)
        .list();
  }

  /** Reports after (receivedAt, id) in arrival order; {@code status} null for every status. */
  public List<CompromiseReportEntity> reportsPage(
      String status, Instant afterReceivedAt, UUID afterId, int limit) {
    StringBuilder query = new StringBuilder("(receivedAt > ?1 or (receivedAt = ?1 and id > ?2))");
    List<Object> args = new java.util.ArrayList<>(List.of(afterReceivedAt, afterId));
    if (status != null) {
      query.append(" and status = ?3");
      args.add(status);
    }
    query.append(" order by receivedAt, id");
    return CompromiseReportEntity.find(query.toString(), args.toArray()).page(0, limit).list();
  }

  /** The earliest evidence times the account's reports received in [from, to] state. */
  public record Evidence(Instant firstSeenAt, Instant activityAt, Instant receivedAt) {}

  public static Evidence evidenceOf(String objectId, Instant from, Instant to) {
    Object[] row =
        CompromiseReportEntity.getEntityManager()
            .createQuery(
                "select min(a.firstSeenAt), min(a.activityAt), min(r.receivedAt)"
                    + " from ReportAccountEntity a, CompromiseReportEntity r"
                    + " where r.id = a.reportId and a.objectId = ?1"
                    + " and r.receivedAt >= ?2 and r.receivedAt <= ?3",
                Object[].class)
            .setParameter(1, objectId)
            .setParameter(2, from)
            .setParameter(3, to)
            .getSingleResult();
    return new Evidence((Instant) row[0], (Instant) row[1], (Instant) row[2]);
  }

  public long countByResolution(UUID reportId, String resolution) {
    return ReportAccountEntity.count("reportId = ?1 and resolution = ?2", reportId, resolution);
  }

  private static ReportAccountEntity pendingAccount(
      UUID reportId, int position, AccountIdentifier identifier) {
    ReportAccountEntity account = new ReportAccountEntity();
    account.id = UUID.randomUUID();
    account.reportId = reportId;
    account.position = position;
    account.identifierKind = identifier.kind().name();
    account.identifier = identifier.value();
    account.tenantHint = identifier.tenant();
    account.activityAt = identifier.activityAt();
    account.firstSeenAt = identifier.firstSeenAt();
    account.indicatorsJson =
        identifier.indicators().isEmpty() ? null : EventJson.write(identifier.indicators());
    account.resolution = Resolution.PENDING.name();
    account.nextAttemptAt = Instant.now();
    return account;
  }

  private void flushEvery(int index) {
    if (index > 0 && index % FLUSH_EVERY == 0) {
      entityManager.flush();
      entityManager.clear();
    }
  }
}
