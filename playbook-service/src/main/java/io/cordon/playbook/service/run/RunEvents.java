package io.cordon.playbook.service.run;

import io.cordon.commons.outbox.Outbox;
import io.cordon.contracts.RunState;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.RemediationEvent;
import io.cordon.playbook.mapping.RemediationEvents;
import io.cordon.playbook.repository.ApprovalEntity;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Announces run progress on {@code cordon.remediation-events}, keyed by run id, in the transaction
 * that made the change (so an event is never lost nor sent for a change that rolled back).
 */
@ApplicationScoped
public class RunEvents {
  @Inject Outbox outbox;
  @Inject RunAudit audit;
  @Inject MeterRegistry meters;

  @Transactional(Transactional.TxType.MANDATORY)
  public void runState(RunEntity run, RunState state, String detail) {
    publish(run, RemediationEvents.runState(run, state, detail));
    audit.runState(run, state, detail);
    countState(run, state);
  }

  /** Runs entering each state, and how long a run took from creation to its final state. */
  private void countState(RunEntity run, RunState state) {
    meters.counter("cordon.runs.transitions", "state", state.name()).increment();
    if (state.isFinal() && run.createdAt != null) {
      Timer.builder("cordon.runs.duration")
          .description("Time from a run's creation to its final state")
          .tag("state", state.name())
          .register(meters)
          .record(Duration.between(run.createdAt, Instant.now()));
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void accountStep(RunEntity run, StepExecutionEntity execution) {
    publish(run, RemediationEvents.accountStep(run, execution));
    audit.accountStep(run, execution);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void stepProgress(RunEntity run, String stepId, String detail) {
    publish(run, RemediationEvents.stepProgress(run, stepId, detail));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void approval(RunEntity run, String kind, ApprovalEntity approval, String detail) {
    publish(run, RemediationEvents.approval(run, kind, approval, detail));
    audit.approval(
        run, RemediationEvents.APPROVAL_REQUESTED.equals(kind) ? "requested" : "decided", approval);
  }

  private void publish(RunEntity run, RemediationEvent event) {
    outbox.publish(Topics.REMEDIATION_EVENTS, run.id, event);
  }
}
