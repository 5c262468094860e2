package io.cordon.playbook.service.run;

import io.cordon.contracts.ReasonCode;
import io.cordon.playbook.model.ExecutionState;

/**
 * One change {@link AccountProgression} asks for: put the account's execution of a step into a
 * state (with a reason for skips).
 */
public record Move(int stepIndex, ExecutionState state, ReasonCode reason) {}
