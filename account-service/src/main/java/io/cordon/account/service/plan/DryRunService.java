package io.cordon.account.service.plan;

import io.cordon.account.client.DirectoryReader;
import io.cordon.account.client.GraphAnswer;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.model.AccountIdentifier;
import io.cordon.account.model.IntakeOutcome;
import io.cordon.account.repository.ProtectionOverrides;
import io.cordon.account.service.budget.BudgetSpend;
import io.cordon.account.service.budget.GraphBudget;
import io.cordon.account.service.intake.IntakeValidation;
import io.cordon.account.service.intake.ParsedEntries;
import io.cordon.account.service.protection.ProtectedAccountService;
import io.cordon.account.service.protection.ProtectionList;
import io.cordon.account.service.readiness.ReadinessService;
import io.cordon.account.service.tenant.TenantRouter;
import io.cordon.account.service.verdict.AnswerClassifier;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.UserType;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.ResolvedAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a report's entries as the report would, but only reads: users and memberships from Graph
 * in {@code $batch} calls under the shared budget, the protected list, and the app's access. One
 * attempt per account; nothing is stored, published or written.
 */
@ApplicationScoped
public class DryRunService {
  /** A dry run answers within seconds: it does not wait out Graph's throttling. */
  public static final int MAX_ENTRIES = 1_000;

  @Inject DirectoryReader directory;
  @Inject GraphBudget budget;
  @Inject ProtectedAccountService protectedAccounts;
  @Inject ProtectionOverrides overrides;
  @Inject ReadinessService readiness;
  @Inject TenantRegistry tenants;
  @Inject TenantRouter router;

  public DryRunResolution resolve(ParsedEntries parsed) throws InterruptedException {
    // routed as the report would be: the same per-entry refusals, each account read in its tenant
    IntakeOutcome outcome =
        IntakeValidation.validate(parsed.entries(), parsed.rejections(), router::route);
    List<AccountIdentifier> accepted = outcome.accepted();
    ProtectionList list = protectedAccounts.current();
    PlannedAccount[] planned = new PlannedAccount[accepted.size()];
    Map<GraphTenant, List<Integer>> byTenant = new LinkedHashMap<>();
    for (int i = 0; i < accepted.size(); i++) {
      GraphTenant tenant =
          tenants.byName(outcome.tenantOf(accepted.get(i))).orElseGet(tenants::primary);
      byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<GraphTenant, List<Integer>> group : byTenant.entrySet()) {
      List<Integer> indices = group.getValue();
      for (int from = 0; from < indices.size(); from += DirectoryReader.ACCOUNTS_PER_BATCH) {
        List<Integer> batch =
            indices.subList(
                from, Math.min(indices.size(), from + DirectoryReader.ACCOUNTS_PER_BATCH));
        List<DirectoryReader.Wanted> wanted =
            batch.stream()
                .map(i -> new DirectoryReader.Wanted(accepted.get(i).value(), true, true))
                .toList();
        Map<String, DirectoryReader.Lookup> lookups;
        try (BudgetSpend spend = budget.acquire(group.getKey(), 2 * wanted.size(), 0, 0)) {
          lookups = directory.resolve(group.getKey(), wanted);
        }
        for (int i : batch) {
          AccountIdentifier id = accepted.get(i);
          planned[i] = plan(id, group.getKey(), lookups.get(id.value()), list);
        }
      }
    }
    return new DryRunResolution(
        true,
        accepted.size(),
        outcome.rejected(),
        outcome.duplicates(),
        withOverrides(List.of(planned)),
        byTenant.isEmpty() ? readiness.snapshot() : readiness.snapshot(byTenant.keySet()));
  }

  private PlannedAccount plan(
      AccountIdentifier id,
      GraphTenant tenant,
      DirectoryReader.Lookup lookup,
      ProtectionList list) {
    if (lookup == null || lookup.user() == null || lookup.memberships() == null) {
      GraphAnswer failure = lookup == null ? null : lookup.failure();
      Verdict verdict = failure == null ? null : AnswerClassifier.classify(failure);
      boolean notFound = verdict != null && verdict.reason() == ReasonCode.USER_NOT_FOUND;
      return new PlannedAccount(
          id.value(),
          notFound ? "USER_NOT_FOUND" : "FAILED",
          notFound
              ? "Graph does not know this account"
              : verdict == null ? "not read" : verdict.message(),
          null,
          null);
    }
    DirectoryReader.UserPart user = lookup.user();
    List<GroupRef> groups = lookup.memberships().groups();
    Set<String> groupIds = new HashSet<>();
    groups.forEach(g -> groupIds.add(g.id().toLowerCase(Locale.ROOT)));
    String objectId = user.objectId().toLowerCase(Locale.ROOT);
    ResolvedAccount account =
        new ResolvedAccount(
            user.objectId(),
            user.userPrincipalName(),
            // one tenant: the entry's own hint, as a report keeps it; several: the routed tenant
            !tenants.several() && id.tenant() != null ? id.tenant() : tenant.tenantId(),
            "GUEST".equalsIgnoreCase(user.userType()) ? UserType.GUEST : UserType.MEMBER,
            user.onPremisesSynced(),
            user.accountEnabled(),
            lookup.memberships().privilegedRoles(),
            groups,
            id.activityAt(),
            id.firstSeenAt(),
            id.indicators(),
            tenant.name());
    return new PlannedAccount(
        id.value(),
        "RESOLVED",
        null,
        account,
        list.isEmpty() ? null : list.why(objectId, groupIds, tenant.tenantId()));
  }

  private List<PlannedAccount> withOverrides(List<PlannedAccount> planned) {
    Set<String> protectedIds = new HashSet<>();
    planned.stream()
        .filter(p -> p.protectedReason() != null)
        .forEach(p -> protectedIds.add(p.account().objectId().toLowerCase(Locale.ROOT)));
    if (protectedIds.isEmpty()) {
      return planned;
    }
    Set<String> overridden = overrides.activeAmong(protectedIds, Instant.now());
    return planned.stream()
        .map(
            p ->
                p.protectedReason() != null
                        && overridden.contains(p.account().objectId().toLowerCase(Locale.ROOT))
                    ? new PlannedAccount(p.input(), p.resolution(), null, p.account(), null)
                    : p)
        .toList();
  }
}
