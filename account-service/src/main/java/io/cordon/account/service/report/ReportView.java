package io.cordon.account.service.report;

import io.cordon.account.repository.CompromiseReportEntity;
import io.cordon.commons.paging.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report as the API shows it: metadata, counts, and one page of its accounts. */
public record ReportView(
    UUID reportId,
    Incident incident,
    String playbook,
    String source,
    String reportedBy,
    Instant receivedAt,
    String status,
    Hold hold,
    Counts counts,
    Page<AccountView> accounts) {

  /**
   * Why a detector's report waited for a person, and who released it; null when it never waited.
   */
  public record Hold(String reason, String releasedBy, Instant releasedAt) {
    static Hold of(CompromiseReportEntity report) {
      return report.holdReason == null
          ? null
          : new Hold(report.holdReason, report.releasedBy, report.releasedAt);
    }
  }

  public record Incident(String id, String title, String severity) {}

  public record Counts(
      int accepted, int rejected, int duplicates, long resolved, long notFound, long pending) {}

  /**
   * @param tenant the tenant the entry named, as given
   * @param tenantName the configured tenant it was routed to (DESIGN §5)
   * @param tenantId that tenant's directory id, once the account is resolved there
   */
  public record AccountView(
      String input,
      String tenant,
      String tenantName,
      String tenantId,
      String resolution,
      String reason,
      String objectId,
      String userPrincipalName,
      String userType,
      Boolean onPremisesSynced,
      List<String> privilegedRoles,
      Instant resolvedAt,
      String protection) {}
}
