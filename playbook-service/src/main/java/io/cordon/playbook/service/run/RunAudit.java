package io.cordon.playbook.service.run;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.contracts.RunState;
import io.cordon.playbook.repository.ApprovalEntity;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of runs: started, each state change, each account step that changes, each
 * approval opened or decided. Step entries carry the action id as correlation id, the same id
 * account-service's entry for the Graph call carries.
 */
@ApplicationScoped
public class RunAudit {
  @Inject Audit audit;

  @Transactional(Transactional.TxType.MANDATORY)
  public void started(RunEntity run) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("playbook", run.playbookName);
    after.put("version", run.playbookVersion);
    after.put("source", run.source);
    after.put("report", run.reportId);
    after.put("startedBy", run.startedBy);
    after.put("startedById", run.startedById);
    audit.record(
        AuditEntry.of(AuditKind.RUN, "run.started", run.id)
            .withIncident(run.incidentId)
            .withRun(run.id)
            .withChange(null, after)
            .withResult(run.state.name(), null));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void runState(RunEntity run, RunState state, String detail) {
    audit.record(
        AuditEntry.of(
                state == RunState.CANCELLED ? AuditKind.CANCEL : AuditKind.RUN,
                state == RunState.CANCELLED ? "run.cancelled" : "run.state-changed",
                run.id)
            .withIncident(run.incidentId)
            .withRun(run.id)
            .withChange(null, Map.of("state", state.name()))
            .withResult(state.name(), detail));
  }

  /**
   * A responder's hand on a run (pause, resume, exclude, mark done, retry): who, why and on what.
   *
   * @param target the run id, an account's object id or a step id
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void control(RunEntity run, String action, String target, String by, String reason) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("by", by);
    after.put("reason", reason);
    audit.record(
        AuditEntry.of(AuditKind.RUN, action, target)
            .withIncident(run.incidentId)
            .withRun(run.id)
            .withChange(null, after)
            .withResult(run.state.name(), reason));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void accountStep(RunEntity run, StepExecutionEntity execution) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("step", execution.stepId);
    after.put("action", execution.action);
    after.put("state", execution.state.name());
    after.put("attempt", execution.attempt);
    after.put("actionId", execution.actionId);
    AuditEntry entry =
        AuditEntry.of(AuditKind.STEP, "step.changed", execution.objectId)
            .withAccount(execution.objectId, null)
            .withIncident(run.incidentId)
            .withRun(run.id)
            .withChange(null, after)
            .withResult(
                execution.state.name(),
                execution.reasonCode == null
                    ? null
                    : execution.reasonCode + ": " + execution.reasonMessage);
    audit.record(execution.actionId == null ? entry : entry.withCorrelation(execution.actionId));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void approval(RunEntity run, String kind, ApprovalEntity approval) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("step", approval.stepId);
    after.put("action", approval.action);
    after.put("role", approval.role);
    after.put("state", approval.state.name());
    after.put("decidedBy", approval.decidedBy);
    after.put("decidedById", approval.decidedById);
    after.put("comment", approval.decisionComment);
    audit.record(
        AuditEntry.of(AuditKind.APPROVAL, "approval." + kind, approval.id)
            .withIncident(run.incidentId)
            .withRun(run.id)
            .withChange(null, after)
            .withResult(approval.state.name(), approval.decisionComment));
  }
}
