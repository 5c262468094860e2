package io.cordon.account.service.report;

import io.cordon.account.repository.CompromiseReportEntity;
import io.cordon.account.service.resolution.ReportPublisher;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.SecondPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person lets a held detection go on: it is published as it would have been (its run starts), in
 * the same transaction as the release, and the release is audited with who gave it.
 */
@ApplicationScoped
public class ReportReleaseService {
  @Inject EntityManager entityManager;
  @Inject ReportPublisher publisher;
  @Inject Audit audit;

  @Transactional
  public void release(UUID reportId, CurrentPrincipal releaser) {
    CompromiseReportEntity report =
        entityManager.find(CompromiseReportEntity.class, reportId, LockModeType.PESSIMISTIC_WRITE);
    if (report == null) {
      throw ProblemException.notFound("Compromise report " + reportId);
    }
    if (!ReportPublisher.HELD.equals(report.status)) {
      String reason = "the report is " + report.status + ", not HELD: there is nothing to release";
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Report " + reportId + ": " + reason,
          List.of(new Problem.FieldError("id", reason)));
    }
    SecondPerson.require(
        releaser, report.reportedBy, report.reportedById, "release report " + reportId);
    String principal = releaser.name();
    report.releasedBy = principal;
    report.releasedAt = Instant.now();
    report.status = "RESOLVING";
    audit.record(
        AuditEntry.of(AuditKind.DETECTION, "report.released", reportId.toString())
            .withIncident(report.incidentId)
            .withChange(
                Map.of("status", ReportPublisher.HELD, "holdReason", report.holdReason),
                Map.of("status", "RESOLVING", "releasedBy", principal))
            .withResult("RELEASED", null));
    // every entry is settled already: this publishes now, under the lock taken above
    publisher.publishIfSettled(reportId);
  }
}
