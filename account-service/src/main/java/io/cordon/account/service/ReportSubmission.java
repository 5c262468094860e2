package io.cordon.account.service;

import io.cordon.contracts.ReportSource;
import io.cordon.contracts.Severity;

/** The metadata of a report, whatever the channel (JSON, CSV or a detection) it arrived by. */
public record ReportSubmission(
    String incidentId,
    String incidentTitle,
    Severity severity,
    String requestedPlaybook,
    ReportSource source,
    String sourceLabel,
    String reportedBy) {}
