package io.cordon.playbook.mapping;

import io.cordon.playbook.model.ContainmentState;
import java.time.Instant;

/**
 * An account of an incident: where its containment stands and since when.
 *
 * @param containedAt when its latest containment finished; activity after it contains it again
 * @param runId the run that decides its state now
 * @param reason why it is in this state when that is not obvious (ACTIVITY_AFTER_CONTAINMENT)
 * @param tenantId the directory id of the account's tenant
 * @param tenantName the configured name of that tenant; null when not known
 */
public record IncidentAccountView(
    String incidentId,
    String objectId,
    String userPrincipalName,
    String tenantId,
    String tenantName,
    ContainmentState state,
    Instant since,
    Instant containedAt,
    String runId,
    String reason,
    Instant joinedAt) {}
