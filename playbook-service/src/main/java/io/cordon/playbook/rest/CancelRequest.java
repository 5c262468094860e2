package io.cordon.playbook.rest;

/** Body of {@code POST /api/v1/runs/{id}/cancel}: why, recorded with the run. */
public record CancelRequest(String reason) {}
