package io.cordon.playbook.rest;

/** Body of {@code POST /api/v1/incidents/{id}/close}: why, recorded with the incident. */
public record CloseRequest(String reason) {}
