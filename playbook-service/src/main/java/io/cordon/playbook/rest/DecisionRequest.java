package io.cordon.playbook.rest;

/**
 * Body of {@code POST /api/v1/runs/{id}/approvals/{approvalId}}.
 *
 * @param decision approve or reject
 * @param comment why; kept with the decision
 * @param accountCount how many accounts the approval covered when the approver reviewed it (its
 *     {@code accountCount}); accounts that reach the step meanwhile join the approval, and a
 *     decision on a list the approver has not seen is refused with 409
 */
public record DecisionRequest(String decision, String comment, Long accountCount) {}
