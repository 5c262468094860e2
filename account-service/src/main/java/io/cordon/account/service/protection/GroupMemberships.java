package io.cordon.account.service.protection;

import io.cordon.account.client.DirectoryReader;
import io.cordon.account.client.GraphAnswer;
import io.cordon.account.client.GraphBatchClient;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.repository.ResolvedMemberships;
import io.cordon.account.service.budget.BudgetSpend;
import io.cordon.account.service.budget.GraphBudget;
import io.cordon.account.service.verdict.AnswerClassifier;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.events.GroupRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The groups of the accounts about to be acted on, to find members of protected groups: the
 * memberships resolved with the account's latest report, else read from Graph now (a read, never a
 * write) for an account this service never resolved (a run started by hand with object ids).
 */
@ApplicationScoped
class GroupMemberships {
  @Inject ResolvedMemberships resolved;
  @Inject DirectoryReader directory;
  @Inject GraphBudget budget;

  /**
   * @param groupIds group ids (lower case) by account object id (lower case)
   * @param unreadable accounts whose memberships Graph did not give, with what to do about it
   */
  record Result(Map<String, Set<String>> groupIds, Map<String, Verdict> unreadable) {}

  /** Memberships of accounts of this tenant, read there when not resolved before. */
  Result of(GraphTenant tenant, Set<String> objectIds) throws InterruptedException {
    Map<String, Set<String>> groupIds = new HashMap<>(resolved.groupIdsOf(objectIds));
    Map<String, Verdict> unreadable = new HashMap<>();
    List<String> missing = objectIds.stream().filter(id -> !groupIds.containsKey(id)).toList();
    for (int from = 0; from < missing.size(); from += GraphBatchClient.MAX_BATCH_SIZE) {
      List<String> chunk =
          missing.subList(from, Math.min(from + GraphBatchClient.MAX_BATCH_SIZE, missing.size()));
      read(tenant, chunk, groupIds, unreadable);
    }
    return new Result(groupIds, unreadable);
  }

  private void read(
      GraphTenant tenant,
      List<String> objectIds,
      Map<String, Set<String>> groupIds,
      Map<String, Verdict> unreadable)
      throws InterruptedException {
    List<DirectoryReader.Wanted> wanted = new ArrayList<>();
    objectIds.forEach(id -> wanted.add(new DirectoryReader.Wanted(id, false, true)));
    Map<String, DirectoryReader.Lookup> lookups;
    try (BudgetSpend spend = budget.acquire(tenant, objectIds.size(), 0, 0)) {
      lookups = directory.resolve(tenant, wanted);
    }
    for (String objectId : objectIds) {
      DirectoryReader.Lookup lookup = lookups.get(objectId);
      if (lookup != null && lookup.memberships() != null) {
        groupIds.put(objectId, ids(lookup.memberships().groups()));
      } else {
        // a 404 finishes the action as USER_NOT_FOUND, as its own call would; 429/5xx retry
        GraphAnswer failure =
            lookup == null || lookup.failure() == null
                ? GraphAnswer.noAnswer("no memberships in Graph's answer")
                : lookup.failure();
        unreadable.put(objectId, AnswerClassifier.classify(failure));
      }
    }
  }

  private static Set<String> ids(List<GroupRef> groups) {
    Set<String> ids = new HashSet<>();
    groups.forEach(group -> ids.add(group.id().toLowerCase(Locale.ROOT)));
    return ids;
  }
}
