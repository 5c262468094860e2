package io.cordon.playbook.model;

/**
 * A person holding {@code role} must approve the step before it runs.
 *
 * @param timeout how long the approval may stay pending
 * @param onTimeout what happens when it does
 */
public record Approval(String role, DurationSpec timeout, OnTimeout onTimeout) {}
