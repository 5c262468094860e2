package io.cordon.account.service.report;

import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.repository.CompromiseReportEntity;
import io.cordon.account.repository.ReportAccountEntity;
import io.cordon.account.repository.ReportStore;
import io.cordon.account.repository.Resolution;
import io.cordon.account.repository.ResolvedMemberships;
import io.cordon.account.service.protection.ProtectedAccountService;
import io.cordon.account.service.protection.ProtectionList;
import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ReportQueryService {
  @Inject ReportStore reportStore;
  @Inject ProtectedAccountService protectedAccounts;
  @Inject TenantRegistry tenants;

  public ReportView find(UUID id, PageRequest page) {
    CompromiseReportEntity report = CompromiseReportEntity.findById(id);
    if (report == null) {
      throw ProblemException.notFound("Compromise report " + id);
    }
    List<ReportAccountEntity> rows =
        reportStore.accountsPage(id, page.afterPosition(), page.limit() + 1);
    ProtectionList protection = protectedAccounts.current();
    boolean more = rows.size() > page.limit();
    List<ReportAccountEntity> shown = more ? rows.subList(0, page.limit()) : rows;
    String next =
        more ? PageRequest.encode(Integer.toString(shown.get(shown.size() - 1).position)) : null;
    return new ReportView(
        report.id,
        new ReportView.Incident(report.incidentId, report.incidentTitle, report.severity),
        report.requestedPlaybook,
        report.source,
        report.reportedBy,
        report.receivedAt,
        report.status,
        ReportView.Hold.of(report),
        counts(report),
        new Page<>(shown.stream().map(row -> view(row, protection)).toList(), next));
  }

  /** Reports in the order they arrived, optionally only those in one status (e.g. HELD). */
  public Page<ReportSummary> list(String status, PageRequest page) {
    ReportCursor after = ReportCursor.parse(page.after());
    List<CompromiseReportEntity> rows =
        reportStore.reportsPage(status, after.receivedAt(), after.id(), page.limit() + 1);
    boolean more = rows.size() > page.limit();
    List<CompromiseReportEntity> shown = more ? rows.subList(0, page.limit()) : rows;
    String next = more ? ReportCursor.encode(shown.get(shown.size() - 1)) : null;
    return new Page<>(shown.stream().map(ReportQueryService::summary).toList(), next);
  }

  private static ReportSummary summary(CompromiseReportEntity report) {
    return new ReportSummary(
        report.id,
        new ReportView.Incident(report.incidentId, report.incidentTitle, report.severity),
        report.requestedPlaybook,
        report.source,
        report.reportedBy,
        report.receivedAt,
        report.status,
        ReportView.Hold.of(report),
        report.acceptedCount);
  }

  private ReportView.Counts counts(CompromiseReportEntity report) {
    return new ReportView.Counts(
        report.acceptedCount,
        report.rejectedCount,
        report.duplicateCount,
        reportStore.countByResolution(report.id, Resolution.RESOLVED.name()),
        reportStore.countByResolution(report.id, Resolution.USER_NOT_FOUND.name()),
        reportStore.countByResolution(report.id, Resolution.PENDING.name()));
  }

  private ReportView.AccountView view(ReportAccountEntity row, ProtectionList protection) {
    List<String> roles =
        row.privilegedRoles == null || row.privilegedRoles.isEmpty()
            ? List.of()
            : Arrays.asList(row.privilegedRoles.split(","));
    return new ReportView.AccountView(
        row.identifier,
        row.tenantHint,
        row.tenantName,
        row.tenantId,
        row.resolution,
        row.resolutionReason,
        row.objectId,
        row.userPrincipalName,
        row.userType,
        row.onPremisesSynced,
        roles,
        row.resolvedAt,
        protectionOf(row, protection));
  }

  /** Shown at intake already: the executor will refuse every action on this account. */
  private String protectionOf(ReportAccountEntity row, ProtectionList protection) {
    if (row.objectId == null || protection.isEmpty()) {
      return null;
    }
    Set<String> groups =
        row.groupsJson == null ? Set.of() : ResolvedMemberships.groupIds(row.groupsJson);
    // the tenant it was routed to; rows from before several tenants are the primary one's
    String tenantId =
        row.tenantName == null
            ? tenants.forTenantId(row.tenantId).tenantId()
            : tenants.byName(row.tenantName).map(GraphTenant::tenantId).orElse(row.tenantId);
    return protection.why(row.objectId.toLowerCase(Locale.ROOT), groups, tenantId);
  }
}
