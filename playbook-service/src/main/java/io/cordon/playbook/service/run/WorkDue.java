package io.cordon.playbook.service.run;

/** CDI signal fired in a transaction that made executions due; observed after commit. */
public record WorkDue() {}
