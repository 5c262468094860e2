package io.cordon.account.service.intake;

import io.cordon.account.model.AccountIdentifier;
import io.cordon.account.model.EntryRejection;
import io.cordon.account.model.IntakeOutcome;
import io.cordon.account.service.tenant.TenantRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Validates, normalises and de-duplicates entries; every refused entry keeps its own reason. */
public final class IntakeValidation {
  private IntakeValidation() {}

  public static IntakeOutcome validate(
      List<RawEntry> entries, List<EntryRejection> alreadyRefused) {
    return validate(entries, alreadyRefused, null);
  }

  /**
   * As {@link #validate(List, List)}, and each well-formed entry is routed to its tenant; an entry
   * no tenant can be told for is refused with the router's reason (null router: no routing).
   */
  public static IntakeOutcome validate(
      List<RawEntry> entries,
      List<EntryRejection> alreadyRefused,
      Function<AccountIdentifier, TenantRoute> router) {
    List<AccountIdentifier> accepted = new ArrayList<>();
    Map<String, String> tenantByKey = new HashMap<>();
    List<EntryRejection> rejected = new ArrayList<>(alreadyRefused);
    Map<String, Integer> seen = new HashMap<>();
    int duplicates = 0;
    for (RawEntry entry : entries) {
      AccountEntryValidator.Result result =
          AccountEntryValidator.parse(entry.value(), entry.tenant());
      if (!result.isAccepted()) {
        rejected.add(EntryRejection.of(describe(entry), result.refusal()));
        continue;
      }
      String key = result.identifier().dedupKey();
      String tenant = null;
      if (router != null) {
        TenantRoute route = router.apply(result.identifier());
        if (!route.routed()) {
          rejected.add(EntryRejection.of(describe(entry), route.refusal()));
          continue;
        }
        tenant = route.tenant().name();
        // the same account named once by its domain and once by its tenant id is one account
        key = result.identifier().kind() + ":" + result.identifier().value() + "@" + tenant;
      }
      AccountIdentifier identifier =
          result
              .identifier()
              .withEvidence(entry.activityAt(), entry.firstSeenAt(), entry.indicators());
      Integer earlier = seen.putIfAbsent(key, accepted.size());
      if (earlier == null) {
        if (tenant != null) {
          tenantByKey.put(identifier.dedupKey(), tenant);
        }
        accepted.add(identifier);
      } else {
        // a repeat is folded, but its evidence (times, indicators) adds to the account's
        accepted.set(
            earlier,
            accepted
                .get(earlier)
                .withEvidence(entry.activityAt(), entry.firstSeenAt(), entry.indicators()));
        duplicates++;
      }
    }
    return new IntakeOutcome(accepted, rejected, duplicates, tenantByKey);
  }

  private static String describe(RawEntry entry) {
    String value = entry.value() == null ? "" : entry.value();
    return entry.input() == null ? value : entry.input() + ": " + value;
  }
}
