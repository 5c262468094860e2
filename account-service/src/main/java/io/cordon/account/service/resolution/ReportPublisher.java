package io.cordon.account.service.resolution;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.model.AccountIdentifier;
import io.cordon.account.repository.CompromiseReportEntity;
import io.cordon.account.repository.ReportAccountEntity;
import io.cordon.account.repository.Resolution;
import io.cordon.account.repository.ResolutionQueue;
import io.cordon.account.service.readiness.ReadinessService;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.outbox.Outbox;
import io.cordon.commons.tracing.TraceContexts;
import io.cordon.commons.tracing.TracedWork;
import io.cordon.commons.tracing.WorkAttributes;
import io.cordon.contracts.ReportSource;
import io.cordon.contracts.Severity;
import io.cordon.contracts.Topics;
import io.cordon.contracts.UserType;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.Indicator;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.json.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Publishes a report once every entry is settled: its resolved accounts as CompromiseReported
 * events of at most 500 accounts, through the outbox, exactly once (the report row is locked and
 * its status moves on in the same transaction). A detector's report beyond the blast radius is held
 * instead, and published when a person releases it.
 */
@ApplicationScoped
public class ReportPublisher {
  /** A detector's report that waits for a person (see {@link BlastRadius}). */
  public static final String HELD = "HELD";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper INDICATORS = EventJson.newObjectMapper();
  private static final Logger LOG = Logger.getLogger(ReportPublisher.class);

  @Inject EntityManager entityManager;
  @Inject ResolutionQueue queue;
  @Inject Outbox outbox;
  @Inject Audit audit;
  @Inject TraceContexts traces;
  @Inject BlastRadius blastRadius;
  @Inject MeterRegistry meters;
  @Inject ReadinessService readiness;
  @Inject TenantRegistry tenants;

  @Transactional
  public void publishIfSettled(UUID reportId) {
    CompromiseReportEntity report =
        entityManager.find(CompromiseReportEntity.class, reportId, LockModeType.PESSIMISTIC_WRITE);
    if (report == null || !"RESOLVING".equals(report.status) || queue.pendingIn(reportId) > 0) {
      return;
    }
    List<ResolvedAccount> accounts =
        ReportAccountEntity.<ReportAccountEntity>list(
                "reportId = ?1 and resolution = ?2 order by position",
                reportId,
                Resolution.RESOLVED.name())
            .stream()
            .map(this::toEvent)
            .collect(
                Collectors.toMap(
                    ResolvedAccount::objectId,
                    Function.identity(),
                    ReportPublisher::sameAccount,
                    LinkedHashMap::new))
            .values()
            .stream()
            .toList();
    String holdReason = accounts.isEmpty() ? null : blastRadius.holdReason(report, accounts);
    if (holdReason != null) {
      hold(report, holdReason);
      return;
    }
    List<CompromiseReported> events =
        CompromiseReported.chunked(
            report.id.toString(),
            new IncidentRef(
                report.incidentId, report.incidentTitle, Severity.valueOf(report.severity)),
            accounts,
            report.requestedPlaybook,
            ReportSource.valueOf(report.source),
            report.reportedBy,
            report.reportedById,
            report.receivedAt,
            report.incidentInferred,
            accounts.isEmpty()
                ? null
                : readiness.snapshot(
                    accounts.stream().map(a -> tenants.forTenantId(a.tenantId())).toList()));
    // none resolved still gives one event (without accounts): the run it starts fails saying so
    // the events continue the trace of the REST call that reported the accounts
    try (TracedWork work =
        traces.continueFrom(
            report.traceparent, "ReportPublisher.publishIfSettled", WorkAttributes.NONE)) {
      work.span().setAttribute("cordon.report.id", report.id.toString());
      events.forEach(
          event -> outbox.publish(Topics.COMPROMISE_REPORTS, report.id.toString(), event));
    }
    report.status = accounts.isEmpty() ? "COMPLETED" : "PUBLISHED";
    audit.record(
        AuditEntry.of(AuditKind.REPORT, "report.resolved", report.id.toString())
            .withIncident(report.incidentId)
            .withChange(
                Map.of("status", "RESOLVING"),
                Map.of(
                    "status", report.status, "resolved", accounts.size(), "chunks", events.size()))
            .withResult(report.status, null));
  }

  /** Resolved, but nothing is published until a person releases it (ReportReleaseService). */
  private void hold(CompromiseReportEntity report, String reason) {
    report.status = HELD;
    report.holdReason = reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
    audit.record(
        AuditEntry.of(AuditKind.DETECTION, "report.held", report.id.toString())
            .withIncident(report.incidentId)
            .withChange(Map.of("status", "RESOLVING"), Map.of("status", HELD))
            .withResult(HELD, report.holdReason));
    meters.counter("cordon.reports.held").increment();
    LOG.warnf(
        "Report %s from detector %s waits for a person's release: %s",
        report.id, report.reportedBy, report.holdReason);
  }

  private ResolvedAccount toEvent(ReportAccountEntity row) {
    List<String> roles =
        row.privilegedRoles == null || row.privilegedRoles.isBlank()
            ? List.of()
            : Arrays.asList(row.privilegedRoles.split(","));
    return new ResolvedAccount(
        row.objectId,
        row.userPrincipalName,
        row.tenantId,
        UserType.valueOf(row.userType.toUpperCase(Locale.ROOT)),
        Boolean.TRUE.equals(row.onPremisesSynced),
        !Boolean.FALSE.equals(row.accountEnabled),
        roles,
        groups(row.groupsJson),
        row.activityAt,
        row.firstSeenAt,
        indicators(row.indicatorsJson),
        // rows from before several tenants carry no name: theirs is the primary tenant
        row.tenantName != null ? row.tenantName : tenants.forTenantId(row.tenantId).name());
  }

  /**
   * Two entries that resolved to one account (its UPN and its object id, say) are one account with
   * the evidence of both: the later activity, the earlier first sighting, the indicators of both.
   */
  private static ResolvedAccount sameAccount(ResolvedAccount first, ResolvedAccount second) {
    AccountIdentifier evidence =
        new AccountIdentifier(
                AccountIdentifier.Kind.OBJECT_ID,
                first.objectId(),
                null,
                first.activityAt(),
                first.firstSeenAt(),
                first.indicators())
            .withEvidence(second.activityAt(), second.firstSeenAt(), second.indicators());
    return new ResolvedAccount(
        first.objectId(),
        first.userPrincipalName(),
        first.tenantId(),
        first.userType(),
        first.onPremisesSynced(),
        first.accountEnabled(),
        first.privilegedRoles(),
        first.groups(),
        evidence.activityAt(),
        evidence.firstSeenAt(),
        evidence.indicators(),
        first.tenantName());
  }

  private static List<Indicator> indicators(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return INDICATORS.readValue(json, new TypeReference<List<Indicator>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<GroupRef> groups(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<GroupRef>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
