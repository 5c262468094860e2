package io.cordon.playbook.rest;

/** Body of {@code POST /incidents/{id}/accounts/{objectId}/release}: why it may be let back in. */
public record ReleaseRequest(String reason) {}
