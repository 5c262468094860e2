package io.cordon.playbook.mapping;

import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.IncidentState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incident as {@code GET /api/v1/incidents/{id}} answers it.
 *
 * @param accounts how many of its accounts are in each containment state (every state listed)
 * @param reports the reports and detections filed under it, oldest first
 * @param runs its runs, newest first
 */
public record IncidentView(
    String id,
    String title,
    String severity,
    IncidentState state,
    Instant openedAt,
    Instant containedAt,
    Instant closedAt,
    String closedBy,
    String closeReason,
    Map<ContainmentState, Long> accounts,
    List<ReportRef> reports,
    List<RunListItem> runs) {

  /** A report or detection of the incident and the run it started. */
  public record ReportRef(
      String reportId, String source, String reportedBy, String runId, Instant receivedAt) {}
}
