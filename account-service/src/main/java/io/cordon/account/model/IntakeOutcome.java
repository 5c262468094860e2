package io.cordon.account.model;

import java.util.List;
import java.util.Map;

/**
 * Accepted identifiers in input order, rejections, how many repeats were folded, and per accepted
 * identifier ({@link AccountIdentifier#dedupKey()}) the name of its tenant when routed.
 */
public record IntakeOutcome(
    List<AccountIdentifier> accepted,
    List<EntryRejection> rejected,
    int duplicates,
    Map<String, String> tenantByKey) {
  public IntakeOutcome {
    tenantByKey = Map.copyOf(tenantByKey);
  }

  public String tenantOf(AccountIdentifier identifier) {
    return tenantByKey.get(identifier.dedupKey());
  }
}
