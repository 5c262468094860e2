package io.cordon.playbook.service.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cordon.contracts.ActionType;

/**
 * What one step would do for one account.
 *
 * @param decision RUN, AWAIT_APPROVAL (then runs), SKIP, REQUIRES_MANUAL or FAIL
 * @param reason the reason code the step would end with (absent for RUN and AWAIT_APPROVAL)
 * @param message why, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedStep(
    String stepId, ActionType action, String decision, String reason, String message) {}
