package io.cordon.playbook.service.run;

import io.cordon.contracts.RunState;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.repository.RunAccountStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import io.cordon.playbook.service.incident.ContainmentRules;
import io.cordon.playbook.service.incident.ContainmentRules.StepOutcome;
import io.cordon.playbook.service.incident.ContainmentTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells the incident what a run's progress means for its accounts' containment: after every change,
 * for the accounts whose steps changed, and once more for all of them when the run ends (a
 * cancellation ends steps in bulk, without touching accounts one by one).
 */
@ApplicationScoped
class RunContainment {
  // bind parameters of one query stay well under PostgreSQL's limit
  private static final int READ_BATCH = 1000;

  @Inject ExecutionStore executions;
  @Inject IncidentAccountStore incidentAccounts;
  @Inject ContainmentTracker tracker;
  @Inject RunAccountStore runAccounts;

  void afterChanges(RunContext context) {
    List<String> touched = context.takeTouchedAccounts();
    for (int from = 0; from < touched.size(); from += READ_BATCH) {
      List<String> batch = touched.subList(from, Math.min(from + READ_BATCH, touched.size()));
      Map<String, List<StepOutcome>> steps = new HashMap<>();
      for (StepExecutionEntity row : executions.ofAccounts(context.run().id, batch)) {
        steps
            .computeIfAbsent(row.objectId, id -> new ArrayList<>())
            .add(new StepOutcome(row.action, row.state));
      }
      settle(context.run(), steps, context.now());
    }
  }

  void afterRunEnded(RunEntity run, Instant now) {
    tracker.releaseEnded(run.incidentId, run.id, run.state == RunState.SUCCEEDED, now);
    Map<String, List<StepOutcome>> steps = new HashMap<>();
    for (Object[] row :
        incidentAccounts.stepStatesStillInProgress(
            // a contained account whose clean-up a cancellation ended in bulk: its follow-up
            run.id, ContainmentRules.CLEANUP_IN_PROGRESS)) {
      steps
          .computeIfAbsent((String) row[0], id -> new ArrayList<>())
          .add(new StepOutcome((String) row[2], ExecutionState.valueOf((String) row[1])));
    }
    settle(run, steps, now);
  }

  private void settle(RunEntity run, Map<String, List<StepOutcome>> steps, Instant now) {
    if (steps.isEmpty()) {
      return;
    }
    // an excluded account stays UNCONTAINED by this run, whatever its steps already sent still do;
    // looked up only for a run that has any, as this runs after every batch of outcomes
    if (run.excludedAccounts > 0) {
      runAccounts.excluded(run.id).forEach(steps::remove);
    }
    if (steps.isEmpty()) {
      return;
    }
    Map<String, ContainmentRules.Derived> derived = new HashMap<>();
    steps.forEach((objectId, states) -> derived.put(objectId, ContainmentRules.derive(states)));
    tracker.settle(run.incidentId, run.id, derived, now);
  }
}
