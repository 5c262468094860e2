package io.cordon.playbook.service.run;

import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.RunState;
import io.cordon.playbook.repository.ApprovalStore;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Cancels a run: nothing more is dispatched, pending approvals close, and why and by whom is
 * recorded. Actions already sent cannot be called back; their outcomes are still recorded when they
 * arrive.
 */
@ApplicationScoped
public class RunCancellation {
  @Inject RunStore runs;
  @Inject ExecutionStore executions;
  @Inject ApprovalStore approvals;
  @Inject RunEvents events;
  @Inject RunContainment containment;

  @Transactional
  public void cancel(String runId, String principal, String reason) {
    RunEntity run = runs.lock(runId).orElseThrow(() -> ProblemException.notFound("Run " + runId));
    if (run.state.isFinal()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Run " + runId + " is already " + run.state + "; nothing to cancel");
    }
    Instant now = RunContexts.now();
    String why = "cancelled by " + principal + ": " + reason;
    // an execution the dispatcher holds right now is waited for, then found IN_PROGRESS and left
    // alone; once this commits, nothing of the run is due any more
    int stopped = executions.cancelNotStarted(runId, ReasonCode.CANCELLED.name(), why, now);
    approvals.cancelPending(runId, now);
    run.state = RunState.CANCELLED;
    run.stateReason = reason;
    run.cancelledBy = principal;
    run.finishedAt = now;
    run.updatedAt = now;
    events.runState(run, RunState.CANCELLED, why + " (" + stopped + " step executions not run)");
    containment.afterRunEnded(run, now);
  }
}
