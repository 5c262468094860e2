package io.cordon.playbook.rest;

/** Body of every run-control call: why, recorded with the change and in the audit log. */
public record ControlRequest(String reason) {}
