package io.cordon.account.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validates, normalises and de-duplicates entries; every refused entry keeps its own reason. */
public final class IntakeValidation {
  private IntakeValidation() {}

  public static Outcome validate(List<RawEntry> entries, List<EntryRejection> alreadyRefused) {
    List<AccountIdentifier> accepted = new ArrayList<>();
    List<EntryRejection> rejected = new ArrayList<>(alreadyRefused);
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    for (RawEntry entry : entries) {
      AccountEntryValidator.Result result =
          AccountEntryValidator.parse(entry.value(), entry.tenant());
      if (!result.isAccepted()) {
        rejected.add(EntryRejection.of(describe(entry), result.refusal()));
      } else if (seen.add(result.identifier().dedupKey())) {
        accepted.add(result.identifier());
      } else {
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
