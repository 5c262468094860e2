package io.cordon.playbook.service.run;

import io.cordon.playbook.model.Decision;

/**
 * A decision on an approval.
 *
 * @param accountCount how many accounts the approval covered when the approver reviewed it
 */
public record ApproverDecision(Decision decision, String comment, long accountCount) {}
