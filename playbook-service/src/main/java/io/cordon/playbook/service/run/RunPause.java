package io.cordon.playbook.service.run;

import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Holds a run and lets it go on (DESIGN §11 run control). A paused run dispatches nothing: its due
 * executions wait in the database, so the pause survives a restart. What was already sent to
 * account-service cannot be called back; its outcomes are still recorded, and the steps they make
 * due wait too. Approvals can still be decided while the run is paused.
 */
@ApplicationScoped
public class RunPause {
  @Inject RunStore runs;
  @Inject RunAudit audit;
  @Inject RunContexts contexts;

  @Transactional
  public RunEntity pause(String runId, String principal, String reason) {
    RunEntity run = lockOpen(runId, "pause");
    if (run.pausedAt != null) {
      throw conflict(runId, "is already paused by " + run.pausedBy + " since " + run.pausedAt);
    }
    Instant now = RunContexts.now();
    run.pausedAt = now;
    run.pausedBy = principal;
    run.pauseReason = reason;
    run.updatedAt = now;
    audit.control(run, "run.paused", run.id, principal, reason);
    return run;
  }

  @Transactional
  public RunEntity resume(String runId, String principal, String reason) {
    RunEntity run = lockOpen(runId, "resume");
    if (run.pausedAt == null) {
      throw conflict(runId, "is not paused");
    }
    run.pausedAt = null;
    run.pausedBy = null;
    run.pauseReason = null;
    run.updatedAt = RunContexts.now();
    audit.control(run, "run.resumed", run.id, principal, reason);
    // what became due while the run was held goes out now, not at the next idle poll
    RunContext context = contexts.open(run);
    context.markWorkDue();
    contexts.close(context);
    return run;
  }

  private RunEntity lockOpen(String runId, String what) {
    RunEntity run = runs.lock(runId).orElseThrow(() -> ProblemException.notFound("Run " + runId));
    if (run.state.isFinal()) {
      throw conflict(runId, "is already " + run.state + "; there is nothing to " + what);
    }
    return run;
  }

  static ProblemException conflict(String runId, String why) {
    return new ProblemException(ProblemType.CONFLICT, "Run " + runId + " " + why);
  }
}
