package io.cordon.playbook.rest;

/**
 * Body of {@code POST /api/v1/incidents/{id}/accounts/{objectId}/recontain}: why the account is
 * contained again (e.g. "sign-in from a new country after the reset"), kept with the evidence.
 */
public record RecontainRequest(String reason) {}
