package io.cordon.account.service.execution;

import io.cordon.account.client.GraphAnswer;
import io.cordon.account.client.GraphBatchClient;
import io.cordon.account.client.GraphCall;
import io.cordon.account.client.GraphPermissions;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.model.AccountFacts;
import io.cordon.account.repository.AccountFactsStore;
import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.service.budget.BudgetSpend;
import io.cordon.account.service.budget.GraphBudget;
import io.cordon.account.service.protection.ProtectionGuard;
import io.cordon.account.service.readiness.ReadinessService;
import io.cordon.account.service.verdict.AnswerClassifier;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.commons.tracing.TraceContexts;
import io.cordon.commons.tracing.TracedWork;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.GraphPermissionRules;
import io.cordon.contracts.ReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Executes claimed actions: preflight against the app's granted permissions, decisions that need no
 * call, then one budgeted {@code $batch} and a verdict per answer.
 */
@ApplicationScoped
public class BatchExecutor {
  private static final Logger LOG = Logger.getLogger(BatchExecutor.class);

  @Inject GraphConfig config;
  @Inject TenantRegistry tenants;
  @Inject GraphPermissions permissions;
  @Inject GraphRequestPlanner planner;
  @Inject GraphBatchClient batchClient;
  @Inject GraphBudget budget;
  @Inject AccountFactsStore factsStore;
  @Inject ActionCompletionService completion;
  @Inject OwnCallActions ownCalls;
  @Inject TraceContexts traces;
  @Inject AppliedEffectCheck appliedEffects;
  @Inject ActionLedger ledger;
  @Inject ClaimLeases leases;
  @Inject ProtectionGuard protection;
  @Inject ReadinessService readiness;

  public void execute(List<ActionLedgerEntity> rows) throws InterruptedException {
    // continues the trace of the ActionRequested (or links the traces of a mixed batch)
    try (TracedWork work = traced(rows, "BatchExecutor.execute")) {
      Map<GraphTenant, List<ActionLedgerEntity>> groups = byTenant(inConfiguredTenants(rows));
      for (Map.Entry<GraphTenant, List<ActionLedgerEntity>> group : groups.entrySet()) {
        int size = group.getValue().size();
        if (groups.size() == 1 || !putOff(group.getKey(), group.getValue(), size, size, 0)) {
          executeClaimed(group.getKey(), group.getValue());
        }
      }
    }
  }

  /**
   * One Identity Protection call (confirmCompromised or dismiss) for rows of one action. While the
   * tenant's Identity Protection second is spent the rows go back to the ledger unsent, even with
   * one tenant: the users that arrive meanwhile then leave with them in the next call, instead of
   * each worker waiting out its own second with a few users in hand.
   */
  public void confirmCompromised(List<ActionLedgerEntity> rows) throws InterruptedException {
    try (TracedWork work = traced(rows, "BatchExecutor.confirmCompromised")) {
      Map<GraphTenant, List<ActionLedgerEntity>> groups = byTenant(inConfiguredTenants(rows));
      for (Map.Entry<GraphTenant, List<ActionLedgerEntity>> group : groups.entrySet()) {
        if (!putOff(group.getKey(), group.getValue(), 1, 1, 1)) {
          confirmClaimed(group.getKey(), group.getValue());
        }
      }
    }
  }

  /**
   * With several tenants' actions in one claim, a tenant whose budget has no room for its share now
   * has its actions put back unsent until it will (no attempt spent), so that the worker goes on
   * with the other tenants' instead of waiting for this one's window with theirs in hand: one
   * tenant's storm never slows another's containment.
   */
  private boolean putOff(
      GraphTenant tenant,
      List<ActionLedgerEntity> rows,
      int resourceUnits,
      int writes,
      int identityProtection) {
    Duration wait = budget.waitFor(tenant, resourceUnits, writes, identityProtection);
    if (wait.isZero()) {
      return false;
    }
    ledger.deferClaims(rows, wait);
    leases.letGo(rows);
    LOG.debugf(
        "%d action(s) of tenant %s put off %d ms for its Graph budget",
        (Object) rows.size(), tenant.name(), wait.toMillis());
    return true;
  }

  /**
   * The rows whose tenant this deployment acts in; with several tenants, an action naming another
   * one is finished as not applicable rather than sent to the wrong tenant (with one tenant every
   * action is that tenant's, as before several tenants).
   */
  private List<ActionLedgerEntity> inConfiguredTenants(List<ActionLedgerEntity> rows) {
    if (!tenants.several()) {
      return rows;
    }
    Map<ActionLedgerEntity, Verdict> refused = new LinkedHashMap<>();
    List<ActionLedgerEntity> known = new ArrayList<>();
    for (ActionLedgerEntity row : rows) {
      if (tenants.byTenantId(row.tenantId).isPresent()) {
        known.add(row);
      } else {
        refused.put(
            row,
            Verdict.finish(
                ActionOutcome.FAILED_PERMANENT,
                ReasonCode.NOT_APPLICABLE,
                "tenant "
                    + row.tenantId
                    + " is not one this deployment acts in (cordon.graph.tenants): not sent to"
                    + " any other tenant"));
      }
    }
    if (!refused.isEmpty()) {
      completion.apply(refused, Map.of());
    }
    return known;
  }

  /**
   * Claimed rows per tenant, in claim order: each tenant's calls go to its Graph with its token and
   * spend its budget (a row without a tenant id is the primary tenant's).
   */
  private Map<GraphTenant, List<ActionLedgerEntity>> byTenant(List<ActionLedgerEntity> rows) {
    Map<GraphTenant, List<ActionLedgerEntity>> groups = new LinkedHashMap<>();
    for (ActionLedgerEntity row : rows) {
      groups.computeIfAbsent(tenants.forTenantId(row.tenantId), t -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  private TracedWork traced(List<ActionLedgerEntity> rows, String spanName) {
    return traces.continueFromAll(LedgerTraces.origins(rows), spanName, LedgerTraces.of(rows));
  }

  private void executeClaimed(GraphTenant tenant, List<ActionLedgerEntity> claimed)
      throws InterruptedException {
    // first of all: nothing below may read or write a protected account's state in Graph
    Map<ActionLedgerEntity, Verdict> verdicts =
        new LinkedHashMap<>(protection.holdBack(tenant, claimed));
    List<ActionLedgerEntity> rows = notDecided(claimed, verdicts);
    Set<String> granted = rows.isEmpty() ? null : grantedOrNull(tenant, rows, verdicts);
    if (granted == null) {
      completion.apply(verdicts, Map.of());
      return;
    }
    Map<String, AccountFacts> facts =
        factsStore.factsFor(rows.stream().map(r -> r.accountObjectId).toList());
    Map<String, ActionLedgerEntity> rowByKey = new HashMap<>();
    List<GraphCall> calls = new ArrayList<>();
    List<ActionLedgerEntity> ownCallRows = new ArrayList<>();
    verdicts.putAll(appliedEffects.check(tenant, rows));
    DirectoryRoles roles = new DirectoryRoles(tenant);
    for (ActionLedgerEntity row : rows) {
      if (verdicts.containsKey(row)) {
        continue;
      }
      AccountFacts accountFacts = facts.getOrDefault(row.accountObjectId, AccountFacts.UNKNOWN);
      Verdict refused = preflight(row, granted);
      if (refused == null) {
        refused = privilegedTargetPreflight(row, accountFacts, roles);
      }
      GraphRequestPlanner.Plan plan =
          refused != null
              ? new GraphRequestPlanner.Plan.Decided(refused)
              : planner.plan(tenant, row, accountFacts);
      // Java 17: no pattern switch yet; the three kinds are the sealed interface's only ones
      if (plan instanceof GraphRequestPlanner.Plan.Decided decided) {
        verdicts.put(row, decided.verdict());
      } else if (plan instanceof GraphRequestPlanner.Plan.BatchCall batchCall) {
        calls.add(batchCall.call());
        rowByKey.put(batchCall.call().key(), row);
      } else {
        ownCallRows.add(row);
      }
    }
    Map<String, String> requestIds = send(tenant, calls, claimed, rowByKey, verdicts);
    if (!verdicts.isEmpty()) {
      completion.apply(verdicts, requestIds);
    }
    if (!ownCallRows.isEmpty()) {
      // after the $batch's outcomes are recorded, and without waiting for them: a clean-up's held
      // reads hold up neither this claim's containment nor the next claim's
      ownCalls.start(ownCallRows);
    }
  }

  private void confirmClaimed(GraphTenant tenant, List<ActionLedgerEntity> claimed)
      throws InterruptedException {
    Map<ActionLedgerEntity, Verdict> verdicts =
        new LinkedHashMap<>(protection.holdBack(tenant, claimed));
    List<ActionLedgerEntity> rows = notDecided(claimed, verdicts);
    if (rows.isEmpty()) {
      completion.apply(verdicts, Map.of());
      return;
    }
    Set<String> granted = grantedOrNull(tenant, rows, verdicts);
    ActionType action = ActionType.valueOf(rows.get(0).action);
    String missing = granted == null ? null : GraphPermissionRules.missingFor(action, granted);
    if (granted == null || missing != null) {
      rows.forEach(row -> verdicts.putIfAbsent(row, missingPermission(missing)));
      completion.apply(verdicts, Map.of());
      return;
    }
    List<String> userIds = rows.stream().map(r -> r.accountObjectId).distinct().toList();
    GraphCall call = planner.identityProtection(tenant, action, rows.get(0).actionId, userIds);
    GraphAnswer answer;
    try (BudgetSpend spend = budget.acquire(tenant, 1, 1, 1)) {
      ledger.restampClaims(claimed, leases.now());
      answer = batchClient.send(tenant, List.of(call)).get(call.key());
    }
    Verdict verdict = AnswerClassifier.classify(answer);
    rows.forEach(row -> verdicts.put(row, verdict));
    Map<String, String> requestIds = new HashMap<>();
    rows.forEach(row -> requestIds.put(row.actionId, answer.requestId()));
    completion.apply(verdicts, requestIds);
  }

  private Map<String, String> send(
      GraphTenant tenant,
      List<GraphCall> calls,
      List<ActionLedgerEntity> rows,
      Map<String, ActionLedgerEntity> rowByKey,
      Map<ActionLedgerEntity, Verdict> verdicts)
      throws InterruptedException {
    Map<String, String> requestIds = new HashMap<>();
    if (calls.isEmpty()) {
      return requestIds;
    }
    int writes = (int) calls.stream().filter(GraphCall::write).count();
    Map<String, GraphAnswer> answers;
    try (BudgetSpend spend = budget.acquire(tenant, calls.size(), writes, 0)) {
      ledger.restampClaims(rows, leases.now());
      answers = batchClient.send(tenant, calls);
    }
    Set<String> writeKeys = new java.util.HashSet<>();
    calls.stream().filter(GraphCall::write).forEach(call -> writeKeys.add(call.key()));
    answers.forEach(
        (key, answer) -> {
          ActionLedgerEntity row = rowByKey.get(key);
          Verdict verdict = AnswerClassifier.classify(answer);
          boolean fateUnknown = writeKeys.contains(key) && mayHaveApplied(answer);
          verdicts.put(row, fateUnknown ? verdict.unconfirmed() : verdict);
          requestIds.put(row.actionId, answer.requestId());
        });
    return requestIds;
  }

  private static List<ActionLedgerEntity> notDecided(
      List<ActionLedgerEntity> rows, Map<ActionLedgerEntity, Verdict> verdicts) {
    return rows.stream().filter(row -> !verdicts.containsKey(row)).toList();
  }

  /**
   * No answer (a timeout, a dropped connection) or a gateway timeout: Graph may have carried the
   * write out. Any other refusal (429, 503, 4xx) means it did not.
   */
  private static boolean mayHaveApplied(GraphAnswer answer) {
    return answer.status() == 0 || answer.status() == 504;
  }

  /** The granted permissions, or null after marking every row for retry (no token to be had). */
  private Set<String> grantedOrNull(
      GraphTenant tenant,
      List<ActionLedgerEntity> rows,
      Map<ActionLedgerEntity, Verdict> verdicts) {
    try {
      return permissions.granted(tenant);
    } catch (RuntimeException e) {
      LOG.warnf("No Graph access token: %s", e.getMessage());
      Verdict retry =
          Verdict.retry(
              null,
              ReasonCode.GRAPH_UNAVAILABLE,
              "no access token: " + e.getClass().getSimpleName());
      rows.forEach(row -> verdicts.put(row, retry));
      return null;
    }
  }

  private static Verdict preflight(ActionLedgerEntity row, Set<String> granted) {
    String missing = GraphPermissionRules.missingFor(ActionType.valueOf(row.action), granted);
    return missing == null ? null : missingPermission(missing);
  }

  /**
   * A reset or disable of an account holding an administrator role needs the app to hold a role at
   * least as privileged; refused here when Graph said the app holds none (when Graph would not say,
   * Graph's own answer decides).
   */
  private Verdict privilegedTargetPreflight(
      ActionLedgerEntity row, AccountFacts facts, DirectoryRoles roles) {
    ActionType action = ActionType.valueOf(row.action);
    if (!facts.privileged() || !GraphPermissionRules.PRIVILEGED_TARGET_ACTIONS.contains(action)) {
      return null;
    }
    Set<String> keys = roles.get();
    String missing = keys == null ? null : GraphPermissionRules.missingRoleFor(action, keys);
    return missing == null ? null : missingPermission(missing);
  }

  /** The app's directory roles, asked for at most once per batch and only when needed. */
  private final class DirectoryRoles {
    private final GraphTenant tenant;
    private boolean read;
    private Set<String> keys;

    DirectoryRoles(GraphTenant tenant) {
      this.tenant = tenant;
    }

    Set<String> get() {
      if (!read) {
        keys = readiness.directoryRoleKeys(tenant);
        read = true;
      }
      return keys;
    }
  }

  private static Verdict missingPermission(String missing) {
    return Verdict.finish(ActionOutcome.FAILED_PERMANENT, ReasonCode.MISSING_PERMISSION, missing);
  }
}
