package io.cordon.account.service.detection;

import io.cordon.account.model.EntryRejection;
import io.cordon.account.service.intake.RawEntry;
import io.cordon.contracts.Severity;
import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.util.List;

/**
 * One alert, incident, risk detection or alert group of a payload; id, title and severity may be
 * null when the payload leaves them out.
 *
 * @param namesIncident whether {@code id} is an incident's (Defender or Sentinel incident, an
 *     alert's incidentId) rather than the id of a single detection
 * @param activityAt the latest activity the item reports for its accounts, or null
 * @param firstSeenAt the earliest activity the item reports for its accounts, or null
 * @param indicators the indicators of compromise the item names, for all its accounts
 */
record DetectedItem(
    String id,
    String title,
    Severity severity,
    List<RawEntry> entries,
    List<EntryRejection> rejections,
    boolean namesIncident,
    Instant activityAt,
    Instant firstSeenAt,
    List<Indicator> indicators) {

  DetectedItem {
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }

  static DetectedItem of(String id, String title, Severity severity, AccountCollector accounts) {
    return new DetectedItem(
        id,
        title,
        severity,
        accounts.entries(),
        accounts.rejections(),
        id != null,
        null,
        null,
        List.of());
  }

  /** The same item, its id being a single detection's rather than an incident's. */
  DetectedItem namingNoIncident() {
    return new DetectedItem(
        id, title, severity, entries, rejections, false, activityAt, firstSeenAt, indicators);
  }

  DetectedItem withActivity(Instant at) {
    return new DetectedItem(
        id, title, severity, entries, rejections, namesIncident, at, firstSeenAt, indicators);
  }

  /** The same item with the first activity and the indicators it names for its accounts. */
  DetectedItem withEvidence(Instant firstSeen, List<Indicator> named) {
    return new DetectedItem(
        id, title, severity, entries, rejections, namesIncident, activityAt, firstSeen, named);
  }
}
