package io.cordon.playbook.service.incident;

import java.time.Instant;

/**
 * Where a group of accounts was named: a report (or detection) or a manual run.
 *
 * @param incidentId the incident the report is filed under
 * @param reportId null for a manual run
 * @param source MANUAL, CSV, DETECTION or API
 * @param note a responder's words (an explicit recontain), or null
 */
public record Evidence(
    String incidentId,
    String reportId,
    String runId,
    String source,
    String reportedBy,
    Instant receivedAt,
    String note) {

  public Evidence(
      String incidentId,
      String reportId,
      String runId,
      String source,
      String reportedBy,
      Instant receivedAt) {
    this(incidentId, reportId, runId, source, reportedBy, receivedAt, null);
  }
}
