package io.cordon.playbook.service.run;

import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Opens a {@link RunContext} for a locked run and tells the poller about work made due. */
@ApplicationScoped
public class RunContexts {
  @Inject RunPlaybooks playbooks;
  @Inject ExecutionStore executions;
  @Inject Event<WorkDue> workDue;

  RunContext open(RunEntity lockedRun) {
    return new RunContext(lockedRun, playbooks.of(lockedRun), runSteps(lockedRun.id), now());
  }

  Map<Integer, StepExecutionEntity> runSteps(String runId) {
    Map<Integer, StepExecutionEntity> byIndex = new HashMap<>();
    for (StepExecutionEntity execution : executions.runLevelAll(runId)) {
      byIndex.put(execution.stepIndex, execution);
    }
    return byIndex;
  }

  /** Call at the end of the transaction's work: wakes the dispatcher after commit. */
  void close(RunContext context) {
    if (context.workDue()) {
      workDue.fire(new WorkDue());
    }
  }

  /** PostgreSQL keeps microseconds: what is written equals what is read back. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
