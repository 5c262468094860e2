package io.cordon.playbook.service.run;

import io.cordon.playbook.mapping.RemediationEvents;
import io.cordon.playbook.model.ApprovalState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.ApprovalEntity;
import io.cordon.playbook.repository.ApprovalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Finds or opens the pending approval of a step. One approval covers every account that reaches the
 * step while it is pending; an account arriving after the decision opens a new one, so an approver
 * never approves accounts they were not shown.
 */
@ApplicationScoped
public class ApprovalOpener {
  @Inject ApprovalStore approvals;
  @Inject RunEvents events;

  /** The id of the pending approval the step's next waiting execution joins. */
  String attach(RunContext context, int stepIndex) {
    return context
        .pendingApprovals()
        .computeIfAbsent(
            stepIndex,
            index ->
                approvals
                    .pending(context.run().id, index)
                    .map(approval -> approval.id)
                    .orElseGet(() -> open(context, index)));
  }

  private String open(RunContext context, int stepIndex) {
    Step step = context.step(stepIndex);
    ApprovalEntity approval = new ApprovalEntity();
    approval.id = UUID.randomUUID().toString();
    approval.runId = context.run().id;
    approval.stepIndex = stepIndex;
    approval.stepId = step.id();
    approval.action = step.action().name();
    approval.role = step.approval().role();
    approval.onTimeout = step.approval().onTimeout().wire();
    approval.state = ApprovalState.PENDING;
    approval.requestedAt = context.now();
    approval.expiresAt = context.now().plus(step.approval().timeout().value());
    approval.persist();
    events.approval(
        context.run(),
        RemediationEvents.APPROVAL_REQUESTED,
        approval,
        "approval "
            + approval.id
            + " needs role "
            + approval.role
            + "; on timeout at "
            + approval.expiresAt
            + ": "
            + approval.onTimeout);
    return approval.id;
  }
}
