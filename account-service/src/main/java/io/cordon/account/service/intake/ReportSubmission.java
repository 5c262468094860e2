package io.cordon.account.service.intake;

import io.cordon.contracts.ReportSource;
import io.cordon.contracts.Severity;

/**
 * The metadata of a report, whatever the channel (JSON, CSV or a detection) it arrived by.
 *
 * @param reportedBy the submitter's name, for people to read
 * @param reportedById the submitter's unchangeable identity (four eyes compares it); null when the
 *     token named none
 * @param incidentInferred true when the reporter named no incident (a risk detection): {@code
 *     incidentId} is then a proposal playbook-service may file under an open incident instead
 */
public record ReportSubmission(
    String incidentId,
    String incidentTitle,
    Severity severity,
    String requestedPlaybook,
    ReportSource source,
    String sourceLabel,
    String reportedBy,
    String reportedById,
    boolean incidentInferred) {

  /** A report that names its incident. */
  public ReportSubmission(
      String incidentId,
      String incidentTitle,
      Severity severity,
      String requestedPlaybook,
      ReportSource source,
      String sourceLabel,
      String reportedBy,
      String reportedById) {
    this(
        incidentId,
        incidentTitle,
        severity,
        requestedPlaybook,
        source,
        sourceLabel,
        reportedBy,
        reportedById,
        false);
  }
}
