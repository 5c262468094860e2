package io.cordon.account.service.report;

import java.time.Instant;
import java.util.UUID;

/**
 * A report in a list: what it is, who sent it, where it stands, and whether it waits for a person.
 */
public record ReportSummary(
    UUID reportId,
    ReportView.Incident incident,
    String playbook,
    String source,
    String reportedBy,
    Instant receivedAt,
    String status,
    ReportView.Hold hold,
    int accepted) {}
