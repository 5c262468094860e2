package io.cordon.playbook.service.evidence;

import io.cordon.playbook.mapping.EvidenceDocument.AccountEvidence;
import io.cordon.playbook.mapping.EvidenceDocument.ApprovalEvidence;
import io.cordon.playbook.mapping.EvidenceDocument.RunEvidence;
import io.cordon.playbook.mapping.EvidenceDocument.StepEvidence;
import io.cordon.playbook.repository.ApprovalEntity;
import io.cordon.playbook.repository.RunAccountEntity;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** This service's part of the evidence: runs, each account's steps, approvals. */
@ApplicationScoped
public class RunEvidenceReader {

  @Transactional
  public List<RunEntity> runsOf(String incidentId) {
    return RunEntity.list("incidentId = ?1 order by createdAt, id", incidentId);
  }

  private static AccountEvidence account(
      String objectId, RunAccountEntity row, List<StepEvidence> steps) {
    return row == null
        ? new AccountEvidence(objectId, null, null, null, steps)
        : new AccountEvidence(objectId, row.userPrincipalName, row.tenantId, row.tenantName, steps);
  }

  @Transactional
  public RunEvidence evidence(RunEntity run) {
    Map<String, RunAccountEntity> runAccounts = new HashMap<>();
    RunAccountEntity.<RunAccountEntity>list("key.runId = ?1", run.id)
        .forEach(a -> runAccounts.put(a.key.objectId, a));
    Map<String, List<StepEvidence>> steps = new LinkedHashMap<>();
    StepExecutionEntity.<StepExecutionEntity>list(
            "runId = ?1 and objectId is not null order by objectId, stepIndex, id", run.id)
        .forEach(
            row -> steps.computeIfAbsent(row.objectId, id -> new ArrayList<>()).add(step(row)));
    List<AccountEvidence> accounts = new ArrayList<>();
    steps.forEach(
        (objectId, rows) -> accounts.add(account(objectId, runAccounts.get(objectId), rows)));
    List<ApprovalEvidence> approvals =
        ApprovalEntity.<ApprovalEntity>list("runId = ?1 order by requestedAt, id", run.id).stream()
            .map(RunEvidenceReader::approval)
            .toList();
    return new RunEvidence(
        run.id,
        run.playbookName,
        run.playbookVersion,
        run.state.name(),
        run.stateReason,
        run.source,
        run.reportId,
        run.startedBy,
        run.cancelledBy,
        run.createdAt,
        run.finishedAt,
        accounts,
        approvals);
  }

  private static StepEvidence step(StepExecutionEntity row) {
    return new StepEvidence(
        row.stepId,
        row.action,
        row.state.name(),
        row.reasonCode,
        row.reasonMessage,
        row.attempt,
        row.actionId,
        row.graphRequestId,
        row.startedAt,
        row.finishedAt);
  }

  private static ApprovalEvidence approval(ApprovalEntity approval) {
    return new ApprovalEvidence(
        approval.id,
        approval.stepId,
        approval.action,
        approval.role,
        approval.state.name(),
        approval.requestedAt,
        approval.expiresAt,
        approval.decidedBy,
        approval.decidedAt,
        approval.decisionComment);
  }
}
