package io.cordon.playbook.service.run;

import io.cordon.contracts.ReasonCode;
import io.cordon.playbook.mapping.RemediationEvents;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ApprovalState;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.OnReject;
import io.cordon.playbook.model.OnTimeout;
import io.cordon.playbook.repository.ApprovalEntity;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * What a decision does to the executions an approval holds: approved ones become due, rejected ones
 * are skipped (an approver chose not to run the step: APPROVAL_REJECTED), expired ones follow the
 * step's {@code onTimeout}. Callers hold the run lock.
 */
@ApplicationScoped
public class ApprovalResolution {
  static final String TIMEOUT_PRINCIPAL = "cordon (approval timeout)";

  @Inject ExecutionStore executions;
  @Inject AccountSteps accountSteps;
  @Inject RunSteps runSteps;
  @Inject RunEvents events;

  private static OnReject rejectionOf(RunContext context, ApprovalEntity approval) {
    return context.playbook().steps().stream()
        .filter(step -> step.id().equals(approval.stepId) && step.approval() != null)
        .map(step -> step.approval().rejection())
        .findFirst()
        .orElse(OnReject.SKIP);
  }

  void approve(RunContext context, ApprovalEntity approval, String by, String comment) {
    decide(context, approval, ApprovalState.APPROVED, by, comment);
    release(context, approval, null, null, null);
  }

  void reject(RunContext context, ApprovalEntity approval, String by, String comment) {
    decide(context, approval, ApprovalState.REJECTED, by, comment);
    OnReject onReject = rejectionOf(context, approval);
    release(
        context,
        approval,
        onReject == OnReject.FAIL ? ExecutionState.FAILED : ExecutionState.SKIPPED,
        ReasonCode.APPROVAL_REJECTED,
        "rejected by " + by + (comment == null ? "" : ": " + comment));
  }

  void expire(RunContext context, ApprovalEntity approval) {
    OnTimeout onTimeout = OnTimeout.fromWire(approval.onTimeout);
    decide(
        context,
        approval,
        ApprovalState.EXPIRED,
        TIMEOUT_PRINCIPAL,
        "no decision by " + approval.expiresAt + "; onTimeout: " + approval.onTimeout);
    String message = "no approver decided by " + approval.expiresAt;
    switch (onTimeout) {
      case APPROVE -> release(context, approval, null, null, null);
      case SKIP ->
          release(
              context, approval, ExecutionState.SKIPPED, ReasonCode.APPROVAL_TIMED_OUT, message);
      case FAIL ->
          release(context, approval, ExecutionState.FAILED, ReasonCode.APPROVAL_TIMED_OUT, message);
    }
  }

  private void decide(
      RunContext context, ApprovalEntity approval, ApprovalState state, String by, String comment) {
    approval.state = state;
    approval.decidedBy = by;
    approval.decidedAt = context.now();
    approval.decisionComment = comment;
    events.approval(
        context.run(),
        RemediationEvents.APPROVAL_DECIDED,
        approval,
        "approval " + approval.id + " " + state + " by " + by);
  }

  /**
   * @param ended null to run the held executions; otherwise the final state they end in
   */
  private void release(
      RunContext context,
      ApprovalEntity approval,
      ExecutionState ended,
      ReasonCode reason,
      String message) {
    List<StepExecutionEntity> held = executions.waitingOn(approval.id);
    List<String> objectIds =
        held.stream().filter(row -> !row.runLevel()).map(row -> row.objectId).toList();
    Map<String, AccountFacts> facts = accountSteps.facts(context, objectIds);
    Map<String, Map<Integer, StepExecutionEntity>> rows = accountSteps.rowsOf(context, objectIds);
    for (StepExecutionEntity row : held) {
      if (row.runLevel()) {
        if (ended == null) {
          runSteps.approved(context, row);
        } else {
          runSteps.ended(context, row, ended, reason, message);
        }
        continue;
      }
      if (ended == null) {
        row.state = ExecutionState.PENDING;
        row.dueAt = context.now();
        row.updatedAt = context.now();
        context.markWorkDue();
      } else {
        accountSteps.finish(context, row, ended, reason, message);
        accountSteps.afterFinal(context, facts.get(row.objectId), rows.get(row.objectId), row);
      }
    }
  }
}
