package io.cordon.playbook.service.run;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Run-only steps (NOTIFY_PARTNERS): one execution for the whole run, done by the engine itself once
 * every account is through the steps before it; a notify step then waits for its delivery results
 * ({@link DeliveryWait}).
 */
@ApplicationScoped
public class RunSteps {
  @Inject AccountSteps accountSteps;
  @Inject ApprovalOpener approvals;
  @Inject PartnerNotifier notifier;
  @Inject StepCoverage coverage;
  @Inject RunEvents events;
  @Inject DeliveryWait deliveryWait;

  /** The step was just opened: skip it, hold it for approval, or run it. */
  void enter(RunContext context, StepExecutionEntity execution) {
    Step step = context.step(execution.stepIndex);
    List<AccountFacts> covered = covered(context, step);
    if (covered.isEmpty()) {
      accountSteps.finish(
          context,
          execution,
          ExecutionState.SKIPPED,
          ReasonCode.CONDITION_NOT_MET,
          "no account of the run meets the step's when");
      moveOn(context, execution);
    } else if (step.approval() != null) {
      execution.state = ExecutionState.WAITING_APPROVAL;
      execution.approvalId = approvals.attach(context, execution.stepIndex);
      execution.updatedAt = context.now();
    } else {
      run(context, execution, covered);
    }
  }

  /** The step is approved (or its approval timed out with {@code onTimeout: approve}). */
  void approved(RunContext context, StepExecutionEntity execution) {
    run(context, execution, covered(context, context.step(execution.stepIndex)));
  }

  /** The step ended without running (rejected, or its approval timed out). */
  void ended(
      RunContext context,
      StepExecutionEntity execution,
      ExecutionState state,
      ReasonCode reason,
      String message) {
    accountSteps.finish(context, execution, state, reason, message);
    moveOn(context, execution);
  }

  private void run(RunContext context, StepExecutionEntity execution, List<AccountFacts> covered) {
    Step step = context.step(execution.stepIndex);
    execution.startedAt = context.now();
    execution.dispatches++;
    if (step.action() == ActionType.NOTIFY_PARTNERS) {
      notifier.notifyPartners(context, execution, covered);
      Duration bound = deliveryWait.boundOf(step);
      if (!bound.isZero()) {
        // the step ends when the partners' delivery results are in (DeliveryWait), so the steps
        // after it start once partners were told, or once the bound says not to wait any longer
        deliveryWait.begin(context, execution, covered.size(), bound);
        return;
      }
      accountSteps.finish(
          context,
          execution,
          ExecutionState.SUCCEEDED,
          ReasonCode.OK,
          "notice requested for " + covered.size() + " accounts");
    } else {
      // the playbook validator admits no other run-only action; fail loudly if that changes
      accountSteps.finish(
          context,
          execution,
          ExecutionState.FAILED,
          ReasonCode.NOT_APPLICABLE,
          step.action() + " cannot run once per run");
    }
    moveOn(context, execution);
  }

  private void moveOn(RunContext context, StepExecutionEntity execution) {
    if (execution.state == ExecutionState.FAILED
        && !context.step(execution.stepIndex).continueOnFailure()) {
      accountSteps.stopAll(context, execution.stepIndex);
    } else {
      accountSteps.moveAllOn(context, execution.stepIndex + 1);
    }
  }

  private List<AccountFacts> covered(RunContext context, Step step) {
    return coverage.covered(context, step);
  }
}
