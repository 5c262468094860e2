package io.cordon.account.service.protection;

import io.cordon.account.config.GraphTenant;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.ProtectionOverrides;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The last check before Graph: an action on a protected account (listed itself, or a member of a
 * protected group) ends REQUIRES_MANUAL with reason PROTECTED_ACCOUNT, unless an approved override
 * of that account is in force. It sits in the executor, which every action passes whatever asked
 * for it, so no playbook, run or request can go around it.
 */
@ApplicationScoped
public class ProtectionGuard {
  private static final Logger LOG = Logger.getLogger(ProtectionGuard.class);

  @Inject ProtectedAccountService protectedAccounts;
  @Inject GroupMemberships memberships;
  @Inject ProtectionOverrides overrides;

  /**
   * Verdicts for the rows that must not reach Graph now: the protected ones, and those whose
   * memberships could not be read (a protected group cannot be ruled out). The other rows may go.
   */
  public Map<ActionLedgerEntity, Verdict> holdBack(
      GraphTenant tenant, List<ActionLedgerEntity> rows) throws InterruptedException {
    ProtectionList list = protectedAccounts.current();
    if (list.isEmpty() || rows.isEmpty()) {
      return Map.of();
    }
    Set<String> objectIds = new LinkedHashSet<>();
    rows.forEach(row -> objectIds.add(ObjectIds.normal(row.accountObjectId)));
    GroupMemberships.Result groups =
        list.groups().isEmpty()
            ? new GroupMemberships.Result(Map.of(), Map.of())
            : memberships.of(tenant, objectIds);
    Map<String, String> protectedWhy = new HashMap<>();
    for (String objectId : objectIds) {
      String why =
          list.why(objectId, groups.groupIds().getOrDefault(objectId, Set.of()), tenant.tenantId());
      if (why != null) {
        protectedWhy.put(objectId, why);
      }
    }
    Set<String> overridden = overrides.activeAmong(protectedWhy.keySet(), Instant.now());
    Map<ActionLedgerEntity, Verdict> verdicts = new LinkedHashMap<>();
    for (ActionLedgerEntity row : rows) {
      String objectId = ObjectIds.normal(row.accountObjectId);
      String why = protectedWhy.get(objectId);
      if (why != null && overridden.contains(objectId)) {
        LOG.infof(
            "Action %s on protected account %s goes ahead under an approved override",
            row.actionId, objectId);
      } else if (why != null) {
        verdicts.put(row, refused(why));
      } else if (groups.unreadable().containsKey(objectId)) {
        verdicts.put(row, groups.unreadable().get(objectId));
      }
    }
    return verdicts;
  }

  private static Verdict refused(String why) {
    return Verdict.finish(
        ActionOutcome.REQUIRES_MANUAL,
        ReasonCode.PROTECTED_ACCOUNT,
        "protected account ("
            + why
            + "): no automated action touches it; act by hand, or have an admin approve a"
            + " time-limited override");
  }
}
