package io.cordon.playbook.service.run;

import io.cordon.commons.outbox.Outbox;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.Indicator;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.playbook.mapping.Notifications;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.ExecutionCounts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.AccountEvidenceStore;
import io.cordon.playbook.repository.EvidenceIndicatorRow;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a notify step: asks notification-service, through the outbox, to tell the partners whose
 * scopes meet the run's accounts, with each account's containment so far. Deliveries are
 * notification-service's business; their outcomes come back to the run through {@link
 * PartnerDeliveries}, and the step waits for them ({@link DeliveryWait}). When the run ends, the
 * same partners are asked once more with the final figures (a follow-up that notification-service
 * sends only where something changed for the partner).
 */
@ApplicationScoped
public class PartnerNotifier {
  /** Suffix of the closing request's notification id: one per notify step and run. */
  static final String CLOSING = ":closing";

  // bind parameters of one query stay well under PostgreSQL's limit
  private static final int READ_BATCH = 1000;

  // the newest indicators of each account, no more: a detection feed can name thousands of sign-in
  // addresses for one account, and a notice of several hundred accounts must stay a message Kafka
  // (1 MB by default) and a partner's webhook accept; the newest are the ones partners can still
  // act
  // on, and the full list stays in the incident's evidence
  static final int INDICATORS_PER_ACCOUNT = 100;

  @Inject Outbox outbox;
  @Inject ExecutionStore executions;
  @Inject IncidentAccountStore incidentAccounts;
  @Inject AccountEvidenceStore evidence;
  @Inject StepCoverage coverage;
  @Inject RunContainment containment;

  /** The notify step's action id a notification id names: the step's own, or its closing one. */
  static String notifyActionIdOf(String notificationId) {
    return notificationId.endsWith(CLOSING)
        ? notificationId.substring(0, notificationId.length() - CLOSING.length())
        : notificationId;
  }

  void notifyPartners(
      RunContext context, StepExecutionEntity execution, List<AccountFacts> covered) {
    // the outcomes that opened this step are not yet settled into the incident: settle them first,
    // so the notice tells what the accounts' containment is now
    containment.afterChanges(context);
    publish(context, execution.actionId, covered);
  }

  /** After the run reached its final state: the closing request of every notify step that ran. */
  void afterRunEnded(RunContext context) {
    List<Step> steps = context.playbook().steps();
    for (int index = 0; index < steps.size(); index++) {
      StepExecutionEntity execution = context.runStep(index);
      // every notify step that sent its request, also one whose delivery failed for a partner or
      // ran out of time: the partners it reached still get the final figures
      if (steps.get(index).action() == ActionType.NOTIFY_PARTNERS
          && execution != null
          && execution.startedAt != null
          && (execution.state == ExecutionState.SUCCEEDED
              || execution.state == ExecutionState.FAILED)) {
        publish(context, execution.actionId + CLOSING, coverage.covered(context, steps.get(index)));
      }
    }
  }

  private void publish(RunContext context, String notificationId, List<AccountFacts> covered) {
    NotificationRequested request =
        Notifications.request(
            context.run(),
            context.run().state,
            notificationId,
            covered,
            exposures(context.run().incidentId, covered),
            tallies(context).toList(),
            context.now());
    outbox.publish(Topics.PARTNER_NOTIFICATIONS, context.run().incidentId, request);
  }

  private Map<String, Notifications.Exposure> exposures(
      String incidentId, List<AccountFacts> accounts) {
    Map<String, Notifications.Exposure> exposures = new HashMap<>();
    for (int from = 0; from < accounts.size(); from += READ_BATCH) {
      List<String> batch =
          accounts.subList(from, Math.min(from + READ_BATCH, accounts.size())).stream()
              .map(AccountFacts::objectId)
              .toList();
      Map<String, IncidentAccountEntity> rows = incidentAccounts.of(incidentId, batch);
      Map<String, Instant> firstActivity = evidence.firstActivity(incidentId, batch);
      Map<String, List<EvidenceIndicatorRow>> indicators =
          evidence.indicators(incidentId, batch, INDICATORS_PER_ACCOUNT);
      for (String objectId : batch) {
        IncidentAccountEntity row = rows.get(objectId);
        exposures.put(
            objectId,
            new Notifications.Exposure(
                row == null ? null : row.state.name(),
                row == null ? null : row.containedAt,
                firstActivity.get(objectId),
                indicators.getOrDefault(objectId, List.of()).stream()
                    .map(
                        indicator ->
                            new Indicator(
                                indicator.type,
                                indicator.value,
                                indicator.observedAt,
                                indicator.source))
                    .toList()));
      }
    }
    return exposures;
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
