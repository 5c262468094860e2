package io.cordon.account.service.resolution;

import io.cordon.account.client.DirectoryReader;
import io.cordon.account.client.GraphAnswer;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.repository.ReportAccountEntity;
import io.cordon.account.repository.Resolution;
import io.cordon.account.repository.ResolutionQueue;
import io.cordon.account.service.budget.BudgetSpend;
import io.cordon.account.service.budget.GraphBudget;
import io.cordon.account.service.execution.RetrySchedule;
import io.cordon.account.service.verdict.AnswerClassifier;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves accepted entries against Graph in batches: found accounts get their facts, unknown ones
 * {@code USER_NOT_FOUND}, throttled or failed lookups are retried on their own schedule. A report
 * whose last entry is settled is published.
 */
@ApplicationScoped
public class ResolutionService {
  private static final Duration LEASE = Duration.ofMinutes(2);

  @Inject ResolutionQueue queue;
  @Inject DirectoryReader directory;
  @Inject GraphBudget budget;
  @Inject GraphConfig config;
  @Inject RetrySchedule retrySchedule;
  @Inject ReportPublisher publisher;
  @Inject TenantRegistry tenants;

  /** One batch; false when no account was due. */
  public boolean resolveOnce() throws InterruptedException {
    List<ReportAccountEntity> rows = queue.claimDue(DirectoryReader.ACCOUNTS_PER_BATCH, LEASE);
    if (rows.isEmpty()) {
      return false;
    }
    Set<UUID> reports = new HashSet<>(notInConfiguredTenants(rows));
    // each tenant's accounts are read in that tenant, with its token and from its budget
    for (Map.Entry<GraphTenant, List<ReportAccountEntity>> group : byTenant(rows).entrySet()) {
      GraphTenant tenant = group.getKey();
      List<ReportAccountEntity> mine = group.getValue();
      Map<String, DirectoryReader.Lookup> lookups;
      try (BudgetSpend spend = budget.acquire(tenant, 2 * mine.size(), 0, 0)) {
        lookups = directory.resolve(tenant, wanted(mine));
      }
      reports.addAll(record(tenant, mine, lookups));
    }
    reports.forEach(publisher::publishIfSettled);
    return true;
  }

  /**
   * Rows per the tenant intake routed them to (rows from before: the primary tenant); rows of a
   * tenant no longer configured are left out (see {@link #notInConfiguredTenants}).
   */
  private Map<GraphTenant, List<ReportAccountEntity>> byTenant(List<ReportAccountEntity> rows) {
    Map<GraphTenant, List<ReportAccountEntity>> groups = new LinkedHashMap<>();
    for (ReportAccountEntity row : rows) {
      Optional<GraphTenant> tenant =
          row.tenantName == null ? Optional.of(tenants.primary()) : tenants.byName(row.tenantName);
      tenant.ifPresent(t -> groups.computeIfAbsent(t, x -> new ArrayList<>()).add(row));
    }
    return groups;
  }

  /**
   * An account routed to a tenant since removed from the configuration is never read in another
   * tenant (whose id every action would then carry): it fails, naming the tenant.
   */
  @Transactional
  Set<UUID> notInConfiguredTenants(List<ReportAccountEntity> claimed) {
    Set<UUID> reports = new HashSet<>();
    for (ReportAccountEntity detached : claimed) {
      if (detached.tenantName == null || tenants.byName(detached.tenantName).isPresent()) {
        continue;
      }
      ReportAccountEntity row = ReportAccountEntity.findById(detached.id);
      row.resolution = Resolution.FAILED.name();
      row.resolutionReason =
          "tenant "
              + row.tenantName
              + " is no longer configured (cordon.graph.tenants): not read in any other tenant";
      row.resolvedAt = Instant.now();
      reports.add(row.reportId);
    }
    return reports;
  }

  /** Per identifier the parts not read yet (a row keeps what an earlier attempt read). */
  static List<DirectoryReader.Wanted> wanted(List<ReportAccountEntity> rows) {
    Map<String, DirectoryReader.Wanted> byIdentifier = new LinkedHashMap<>();
    for (ReportAccountEntity row : rows) {
      DirectoryReader.Wanted mine =
          new DirectoryReader.Wanted(row.identifier, row.objectId == null, row.groupsJson == null);
      byIdentifier.merge(
          row.identifier,
          mine,
          (a, b) ->
              new DirectoryReader.Wanted(
                  a.identifier(), a.user() || b.user(), a.memberships() || b.memberships()));
    }
    return List.copyOf(byIdentifier.values());
  }

  @Transactional
  Set<UUID> record(
      GraphTenant tenant,
      List<ReportAccountEntity> claimed,
      Map<String, DirectoryReader.Lookup> lookups) {
    Set<UUID> reports = new HashSet<>();
    for (ReportAccountEntity detached : claimed) {
      ReportAccountEntity row = ReportAccountEntity.findById(detached.id);
      DirectoryReader.Lookup lookup = lookups.get(row.identifier);
      if (lookup.user() != null) {
        keepUser(row, lookup.user());
      }
      if (lookup.memberships() != null) {
        keepMemberships(row, lookup.memberships());
      }
      if (row.objectId != null && row.groupsJson != null) {
        resolved(row, tenant);
      } else {
        failed(row, lookup.failure());
      }
      reports.add(row.reportId);
    }
    return reports;
  }

  private void keepUser(ReportAccountEntity row, DirectoryReader.UserPart user) {
    row.objectId = user.objectId();
    row.userPrincipalName = user.userPrincipalName();
    row.userType = user.userType();
    row.onPremisesSynced = user.onPremisesSynced();
    row.accountEnabled = user.accountEnabled();
  }

  private static void keepMemberships(
      ReportAccountEntity row, DirectoryReader.Memberships memberships) {
    row.privilegedRoles = String.join(",", memberships.privilegedRoles());
    row.groupsJson = EventJson.write(memberships.groups());
  }

  private void resolved(ReportAccountEntity row, GraphTenant tenant) {
    row.resolution = Resolution.RESOLVED.name();
    // one tenant: the entry's own hint is kept, as before several tenants; several: the directory
    // id of the tenant the account was read in, which every action then goes to
    row.tenantId =
        !tenants.several() && row.tenantHint != null ? row.tenantHint : tenant.tenantId();
    row.resolvedAt = Instant.now();
    row.resolutionReason = null;
  }

  private void failed(ReportAccountEntity row, GraphAnswer answer) {
    Verdict verdict = AnswerClassifier.classify(answer);
    if (!verdict.isFinal() && row.attempts < config.retry().resolutionMaxAttempts()) {
      row.nextAttemptAt = Instant.now().plus(retrySchedule.delay(row.attempts, verdict));
      row.resolutionReason = verdict.message();
      return;
    }
    boolean notFound = verdict.isFinal() && verdict.reason() == ReasonCode.USER_NOT_FOUND;
    row.resolution = notFound ? Resolution.USER_NOT_FOUND.name() : Resolution.FAILED.name();
    row.resolutionReason =
        notFound
            ? "Graph does not know this account"
            : (verdict.outcome() == ActionOutcome.FAILED_PERMANENT ? "" : "gave up: ")
                + verdict.message();
    row.resolvedAt = Instant.now();
  }
}
