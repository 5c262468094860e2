package io.cordon.account.service.detection;

import io.cordon.account.model.EntryRejection;
import io.cordon.account.service.intake.RawEntry;
import io.cordon.contracts.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a detection payload amounts to: one compromise report's incident, and the accounts it names
 * (entries to validate, and account entities that carry no usable identifier).
 *
 * @param incidentInferred true when no item named an incident (risk detections, alerts without an
 *     incidentId): playbook-service then files the report under the open incident that already
 *     holds one of its accounts
 */
public record Detection(
    String source,
    String incidentId,
    String title,
    Severity severity,
    List<RawEntry> entries,
    List<EntryRejection> rejections,
    boolean incidentInferred) {

  static final int MAX_INCIDENT_ID = 200;
  static final int MAX_TITLE = 500;

  /** Severity when the payload states none that maps (the JSON intake's default too). */
  static final Severity DEFAULT_SEVERITY = Severity.HIGH;

  public Detection {
    entries = List.copyOf(entries);
    rejections = List.copyOf(rejections);
  }

  /**
   * Folds the items of one payload (alerts, incidents, risk detections, alert groups) into a single
   * report: the incident is the items' common id, else the first item's with "(+N more)" in the
   * title; the severity is the highest any item states.
   */
  static Detection merge(String source, String fallbackTitle, List<DetectedItem> items) {
    List<RawEntry> entries = new ArrayList<>();
    List<EntryRejection> rejections = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    String title = null;
    boolean namesIncident = false;
    for (DetectedItem item : items) {
      // every account of an item carries the item's activity time, for the containment rule, and
      // the first activity and indicators of compromise the item names
      item.entries()
          .forEach(
              entry ->
                  entries.add(
                      entry.withEvidence(
                          item.activityAt(), item.firstSeenAt(), item.indicators())));
      namesIncident |= item.namesIncident();
      rejections.addAll(item.rejections());
      if (item.id() != null) {
        ids.add(item.id());
      }
      if (title == null) {
        title = item.title();
      }
    }
    String incidentId = ids.isEmpty() ? source + "-" + UUID.randomUUID() : ids.iterator().next();
    if (title == null) {
      title = fallbackTitle;
    }
    if (ids.size() > 1) {
      title = title + " (+" + (ids.size() - 1) + " more)";
    }
    Severity severity =
        items.stream()
            .map(DetectedItem::severity)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(DEFAULT_SEVERITY);
    return new Detection(
        source,
        shorten(incidentId, MAX_INCIDENT_ID),
        shorten(title, MAX_TITLE),
        severity,
        entries,
        rejections,
        !namesIncident);
  }

  private static String shorten(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
