package io.cordon.playbook.service.run;

import io.cordon.commons.outbox.Outbox;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.playbook.mapping.Notifications;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.ExecutionCounts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Runs a notify step: asks notification-service, through the outbox, to tell the partners whose
 * scopes meet the run's accounts. The engine completes the step itself once the request is written;
 * deliveries are notification-service's business, and their outcomes come back to the run through
 * {@link PartnerDeliveries} without the step waiting for them.
 */
@ApplicationScoped
public class PartnerNotifier {
  @Inject Outbox outbox;
  @Inject ExecutionStore executions;

  void notifyPartners(
      RunContext context, StepExecutionEntity execution, List<AccountFacts> covered) {
    NotificationRequested request =
        Notifications.request(
            context.run(),
            context.run().state,
            execution.actionId,
            covered,
            tallies(context).toList(),
            context.now());
    outbox.publish(Topics.PARTNER_NOTIFICATIONS, context.run().incidentId, request);
  }

  // what was done to the accounts so far; a step a `when` skipped did not apply, so it is left out
  private Notifications.Tallies tallies(RunContext context) {
    ExecutionCounts counts =
        executions.countsOfApplicable(context.run().id, ReasonCode.CONDITION_NOT_MET.name());
    Notifications.Tallies tallies = new Notifications.Tallies();
    List<Step> steps = context.playbook().steps();
    for (int index = 0; index < steps.size(); index++) {
      Step step = steps.get(index);
      if (ActionScopes.runsOncePerRun(step)) {
        continue;
      }
      Map<ExecutionState, Long> byState = counts.ofStep(index);
      tallies.add(
          step.action().name(),
          byState.getOrDefault(ExecutionState.SUCCEEDED, 0L),
          byState.getOrDefault(ExecutionState.SKIPPED, 0L),
          byState.getOrDefault(ExecutionState.REQUIRES_MANUAL, 0L),
          byState.getOrDefault(ExecutionState.FAILED, 0L));
    }
    return tallies;
  }
}
