package io.cordon.playbook.service.run;

/**
 * Where a run comes from: its incident, the channel and who asked.
 *
 * @param incidentSeverity LOW, MEDIUM, HIGH or CRITICAL; null when not given
 * @param source the report's source (MANUAL, CSV, DETECTION) or API for {@code POST /runs}
 */
public record RunOrigin(
    String incidentId,
    String incidentTitle,
    String incidentSeverity,
    String source,
    PrincipalRef startedBy) {}
