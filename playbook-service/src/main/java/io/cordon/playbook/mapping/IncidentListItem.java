package io.cordon.playbook.mapping;

import io.cordon.playbook.model.IncidentState;
import java.time.Instant;

/** An incident as {@code GET /api/v1/incidents} lists it. */
public record IncidentListItem(
    String id,
    String title,
    String severity,
    IncidentState state,
    Instant openedAt,
    Instant containedAt,
    Instant closedAt) {}
