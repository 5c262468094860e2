package io.cordon.account.service.detection;

import io.cordon.account.model.EntryRejection;
import io.cordon.account.service.intake.RawEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gathers the accounts of one item. Each account entity becomes one entry: its Entra object id when
 * it has one, else its UPN. An entity with neither is refused with a reason rather than dropped.
 * Validation and de-duplication happen later, in the intake.
 */
final class AccountCollector {
  private static final Pattern GUID =
      Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");
  private static final String NIL_GUID = "00000000-0000-0000-0000-000000000000";

  private final List<RawEntry> entries = new ArrayList<>();
  private final List<EntryRejection> rejections = new ArrayList<>();

  /**
   * @param where the entity's path in the payload, echoed in rejections
   * @param objectId the Entra object id, or null
   * @param upn the user principal name, or null
   * @param tenant the Entra tenant the payload places the account in, or null
   * @param described how to show an entity without identifiers (e.g. "CORP\svc-backup")
   */
  void add(String where, String objectId, String upn, String tenant, String described) {
    String id = objectId == null || NIL_GUID.equals(objectId) ? null : objectId;
    if (id != null && (GUID.matcher(id).matches() || upn == null)) {
      entries.add(new RawEntry(where, id, tenant));
    } else if (upn != null) {
      entries.add(new RawEntry(where, upn, tenant));
    } else {
      reject(where, described, "account has neither an Entra object id nor a UPN");
    }
  }

  void reject(String where, String described, String reason) {
    String shown = described == null || described.isBlank() ? where : where + ": " + described;
    rejections.add(EntryRejection.of(shown, reason));
  }

  List<RawEntry> entries() {
    return entries;
  }

  List<EntryRejection> rejections() {
    return rejections;
  }

  /** "DOMAIN\name", or whichever of the two (or the fallback) the entity has. */
  static String describe(String domain, String name, String fallback) {
    if (name != null) {
      return domain == null ? name : domain + "\\" + name;
    }
    return fallback;
  }
}
