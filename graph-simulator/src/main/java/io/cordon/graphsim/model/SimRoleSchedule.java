package io.cordon.graphsim.model;

import java.time.Instant;

/**
 * A PIM schedule held directly by a principal: an eligibility (roleEligibilitySchedule) or an
 * active assignment (roleAssignmentSchedule, assignmentType Assigned).
 */
public record SimRoleSchedule(
    String id,
    boolean eligible,
    String principalId,
    String roleDefinitionId,
    String directoryScopeId,
    Instant createdDateTime) {}
