package io.cordon.account.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Validates, normalises and de-duplicates entries; every refused entry keeps its own reason. */
public final class IntakeValidation {
  private IntakeValidation() {}

  public static Outcome validate(List<RawEntry> entries, List<EntryRejection> alreadyRefused) {
    List<AccountIdentifier> accepted = new ArrayList<>();
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
      AccountIdentifier identifier =
          result
              .identifier()
              .withEvidence(entry.activityAt(), entry.firstSeenAt(), entry.indicators());
      Integer earlier = seen.putIfAbsent(identifier.dedupKey(), accepted.size());
      if (earlier == null) {
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
    return new Outcome(accepted, rejected, duplicates);
  }

  private static String describe(RawEntry entry) {
    String value = entry.value() == null ? "" : entry.value();
    return entry.input() == null ? value : entry.input() + ": " + value;
  }

  /** Accepted identifiers in input order, rejections, and how many repeats were folded. */
  public record Outcome(
      List<AccountIdentifier> accepted, List<EntryRejection> rejected, int duplicates) {}
}
