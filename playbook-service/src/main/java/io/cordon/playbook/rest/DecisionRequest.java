package io.cordon.playbook.rest;

/**
 * Body of {@code POST /api/v1/runs/{id}/approvals/{approvalId}}.
 *
 * @param decision approve or reject
 * @param comment why; kept with the decision
 */
public record DecisionRequest(String decision, String comment) {}
