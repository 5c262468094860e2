package io.cordon.playbook.mapping;

import io.cordon.playbook.model.ApprovalState;
import java.time.Instant;
import java.util.List;

/**
 * An approval request: one step of one run, for every account waiting there.
 *
 * @param startedById the run starter's unchangeable identity, which four eyes compares; null for
 *     runs from before identities were recorded
 * @param accountCount accounts the approval covers; a decision names it, and is refused (409) when
 *     accounts have joined since
 * @param accounts the first of them (cordon.engine.approval-account-preview), so an approver sees
 *     whom the step will touch; empty for a run-wide step
 */
public record ApprovalView(
    String id,
    String runId,
    String incidentId,
    String playbook,
    String stepId,
    String action,
    String role,
    ApprovalState state,
    String onTimeout,
    Instant requestedAt,
    Instant expiresAt,
    String startedBy,
    String startedById,
    long accountCount,
    List<Account> accounts,
    String decidedBy,
    Instant decidedAt,
    String comment) {

  public record Account(String objectId, String userPrincipalName, List<String> privilegedRoles) {}
}
