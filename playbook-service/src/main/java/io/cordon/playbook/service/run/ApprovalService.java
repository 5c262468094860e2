package io.cordon.playbook.service.run;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.playbook.config.EngineConfig;
import io.cordon.playbook.mapping.AccountRows;
import io.cordon.playbook.mapping.ApprovalView;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ApprovalState;
import io.cordon.playbook.model.Decision;
import io.cordon.playbook.repository.ApprovalEntity;
import io.cordon.playbook.repository.ApprovalStore;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunAccountStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Lists approvals and records decisions, enforcing the approval's role, four eyes and that the
 * approver decides on the accounts they saw.
 */
@ApplicationScoped
public class ApprovalService {
  @Inject ApprovalStore approvals;
  @Inject RunStore runs;
  @Inject ExecutionStore executions;
  @Inject RunAccountStore accounts;
  @Inject RunContexts contexts;
  @Inject ApprovalResolution resolution;
  @Inject RunReviewer reviewer;
  @Inject EngineConfig config;

  /**
   * @param state null for every state
   * @param runId null for every run
   */
  @Transactional
  public Page<ApprovalView> list(ApprovalState state, String runId, PageRequest page) {
    SortCursor after = SortCursor.parse(page.after());
    List<ApprovalEntity> rows =
        approvals.page(state, runId, after.time(), after.id(), page.limit() + 1);
    List<ApprovalView> items = rows.stream().limit(page.limit()).map(this::view).toList();
    String next = null;
    if (rows.size() > page.limit()) {
      ApprovalEntity last = rows.get(page.limit() - 1);
      next = SortCursor.encode(last.requestedAt, last.id);
    }
    return new Page<>(items, next);
  }

  /** One approval, with the run it belongs to; 404 for an unknown id. */
  @Transactional
  public ApprovalView get(String approvalId) {
    return approvals
        .find(approvalId)
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("Approval " + approvalId));
  }

  /**
   * Records an approver's decision. Refused (403) without the approval's role, for an application's
   * own token, for a token that names nobody and for the run's starter (four eyes, by identity);
   * refused (409) once decided, or when accounts joined the approval since the approver counted
   * them.
   */
  @Transactional
  public ApprovalView decide(
      String runId, String approvalId, ApproverDecision answer, Decider decider) {
    RunEntity run = runs.lock(runId).orElseThrow(() -> ProblemException.notFound("Run " + runId));
    ApprovalEntity approval =
        approvals
            .find(approvalId)
            .filter(found -> found.runId.equals(runId))
            .orElseThrow(
                () -> ProblemException.notFound("Approval " + approvalId + " of run " + runId));
    FourEyes.check(run, approval, decider);
    if (approval.state != ApprovalState.PENDING) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Approval " + approvalId + " is already " + approval.state.name().toLowerCase());
    }
    // under the run lock: no account can join between this count and the decision
    long covered = executions.countByApproval(approval.id);
    if (covered != answer.accountCount()) {
      String reason =
          "the approval now covers "
              + covered
              + " account(s), not "
              + answer.accountCount()
              + ": accounts reached the step after you looked; review the new list and decide"
              + " again";
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Approval " + approvalId + ": " + reason,
          List.of(new Problem.FieldError("accountCount", reason)));
    }
    PrincipalRef who = decider.who();
    approval.decidedById = who.id();
    RunContext context = contexts.open(run);
    if (answer.decision() == Decision.APPROVE) {
      resolution.approve(context, approval, who.name(), answer.comment());
    } else {
      resolution.reject(context, approval, who.name(), answer.comment());
    }
    reviewer.review(context);
    contexts.close(context);
    return view(approval);
  }

  private ApprovalView view(ApprovalEntity approval) {
    RunEntity run = runs.find(approval.runId).orElseThrow();
    List<StepExecutionEntity> covered =
        StepExecutionEntity.<StepExecutionEntity>find(
                "approvalId = ?1 and objectId is not null order by id", approval.id)
            .page(0, config.approvalAccountPreview())
            .list();
    List<ApprovalView.Account> preview =
        accounts.of(run.id, covered.stream().map(row -> row.objectId).toList()).stream()
            .map(AccountRows::facts)
            .map(ApprovalService::account)
            .toList();
    return new ApprovalView(
        approval.id,
        approval.runId,
        run.incidentId,
        run.playbookName,
        approval.stepId,
        approval.action,
        approval.role,
        approval.state,
        approval.onTimeout,
        approval.requestedAt,
        approval.expiresAt,
        run.startedBy,
        run.startedById,
        executions.countByApproval(approval.id),
        preview,
        approval.decidedBy,
        approval.decidedAt,
        approval.decisionComment);
  }

  private static ApprovalView.Account account(AccountFacts facts) {
    return new ApprovalView.Account(
        facts.objectId(), facts.userPrincipalName(), facts.privilegedRoles());
  }
}
