package io.cordon.account.service.intake;

import io.cordon.account.model.EntryRejection;
import io.cordon.account.model.IntakeOutcome;
import io.cordon.account.repository.CompromiseReportEntity;
import io.cordon.account.repository.ReportDeliveries;
import io.cordon.account.repository.ReportStore;
import io.cordon.account.service.tenant.TenantRouter;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.commons.tracing.TraceContexts;
import io.cordon.contracts.ReportSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts a report: validates every entry, stores the accepted ones for resolution and remembers
 * each rejection. Resolution against Graph happens after the caller has its 202.
 */
@ApplicationScoped
public class CompromiseIntakeService {
  public static final int MAX_ENTRIES = 50_000;

  @Inject ReportStore reportStore;
  @Inject Event<ReportAccepted> accepted;
  @Inject Audit audit;
  @Inject ReportDeliveries deliveries;
  @Inject TenantRouter router;

  @Transactional
  public IntakeReceipt submit(
      ReportSubmission submission, List<RawEntry> entries, List<EntryRejection> shapeRejections) {
    return submit(submission, entries, shapeRejections, null);
  }

  /**
   * As {@link #submit(ReportSubmission, List, List)}; a delivery whose key this principal used
   * before gets that delivery's receipt back and creates nothing, and a key reused for another body
   * is refused.
   */
  @Transactional
  public IntakeReceipt submit(
      ReportSubmission submission,
      List<RawEntry> entries,
      List<EntryRejection> shapeRejections,
      DeliveryKey deliveryKey) {
    if (deliveryKey != null) {
      deliveries.lock(submission.reportedBy(), deliveryKey.key());
      Optional<CompromiseReportEntity> earlier =
          deliveries.find(submission.reportedBy(), deliveryKey.key());
      if (earlier.isPresent()) {
        return replay(earlier.get(), deliveryKey);
      }
    }
    IntakeOutcome outcome = IntakeValidation.validate(entries, shapeRejections, router::route);
    CompromiseReportEntity report = newReport(submission, outcome);
    if (deliveryKey != null) {
      report.deliveryKey = deliveryKey.key();
      report.bodySha256 = deliveryKey.bodySha256();
    }
    report.persist();
    reportStore.saveEntries(report.id, outcome);
    accepted.fire(new ReportAccepted(report.id));
    audit.record(
        AuditEntry.of(
                submission.source() == ReportSource.DETECTION
                    ? AuditKind.DETECTION
                    : AuditKind.REPORT,
                "report.submitted",
                report.id.toString())
            .withIncident(report.incidentId)
            .withChange(
                null,
                Map.of(
                    "status", report.status,
                    "source", report.source,
                    "accepted", report.acceptedCount,
                    "rejected", report.rejectedCount,
                    "duplicates", report.duplicateCount))
            .withResult("ACCEPTED", null));
    return new IntakeReceipt(
        report.id, outcome.accepted().size(), outcome.rejected(), outcome.duplicates(), false);
  }

  private IntakeReceipt replay(CompromiseReportEntity earlier, DeliveryKey deliveryKey) {
    if (!earlier.bodySha256.equals(deliveryKey.bodySha256())) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "This delivery key was already used for a different report body",
          List.of(
              new Problem.FieldError(
                  deliveryKey.field(), "already used for a different body; send a new key")));
    }
    return new IntakeReceipt(
        earlier.id,
        earlier.acceptedCount,
        deliveries.rejections(earlier.id),
        earlier.duplicateCount,
        true);
  }

  private static CompromiseReportEntity newReport(
      ReportSubmission submission, IntakeOutcome outcome) {
    CompromiseReportEntity report = new CompromiseReportEntity();
    report.id = UUID.randomUUID();
    report.incidentId = submission.incidentId();
    report.incidentTitle = submission.incidentTitle();
    report.severity = submission.severity().name();
    report.incidentInferred = submission.incidentInferred();
    report.requestedPlaybook = submission.requestedPlaybook();
    report.source = submission.source().name();
    report.sourceLabel = submission.sourceLabel();
    report.reportedBy = submission.reportedBy();
    report.reportedById = submission.reportedById();
    report.receivedAt = Instant.now();
    // resolution and publishing happen later on worker threads: they continue this trace
    report.traceparent = TraceContexts.current();
    report.acceptedCount = outcome.accepted().size();
    report.rejectedCount = outcome.rejected().size();
    report.duplicateCount = outcome.duplicates();
    report.status = outcome.accepted().isEmpty() ? "COMPLETED" : "RESOLVING";
    return report;
  }
}
