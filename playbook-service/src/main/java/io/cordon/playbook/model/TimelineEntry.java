package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One thing that happened in an incident, from the audit log: who did what, when.
 *
 * @param action e.g. {@code incident.opened}, {@code run.started}, {@code evidence.attached}
 * @param detail what changed, as the audit entry recorded it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(
    long seq,
    Instant at,
    String actor,
    String action,
    String subject,
    String accountId,
    String accountUpn,
    String runId,
    String result,
    String reason,
    @JsonRawValue String detail) {}
