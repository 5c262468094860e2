package io.cordon.account.service;

import io.cordon.account.repository.CompromiseReportEntity;
import io.cordon.account.repository.ReportStore;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.tracing.TraceContexts;
import io.cordon.contracts.ReportSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  @Transactional
  public IntakeReceipt submit(
      ReportSubmission submission, List<RawEntry> entries, List<EntryRejection> shapeRejections) {
    IntakeValidation.Outcome outcome = IntakeValidation.validate(entries, shapeRejections);
    CompromiseReportEntity report = newReport(submission, outcome);
    report.persist();
    reportStore.saveEntries(report.id, outcome.accepted(), outcome.rejected());
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
        report.id, outcome.accepted().size(), outcome.rejected(), outcome.duplicates());
  }

  private static CompromiseReportEntity newReport(
      ReportSubmission submission, IntakeValidation.Outcome outcome) {
    CompromiseReportEntity report = new CompromiseReportEntity();
    report.id = UUID.randomUUID();
    report.incidentId = submission.incidentId();
    report.incidentTitle = submission.incidentTitle();
    report.severity = submission.severity().name();
    report.requestedPlaybook = submission.requestedPlaybook();
    report.source = submission.source().name();
    report.sourceLabel = submission.sourceLabel();
    report.reportedBy = submission.reportedBy();
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
