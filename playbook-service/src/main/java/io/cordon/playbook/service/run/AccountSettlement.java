package io.cordon.playbook.service.run;

import io.cordon.commons.problem.ProblemException;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.RunState;
import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunAccountEntity;
import io.cordon.playbook.repository.RunAccountStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import io.cordon.playbook.service.incident.ContainmentRules;
import io.cordon.playbook.service.incident.ContainmentTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * A responder settles one account of a run by hand (DESIGN §11 run control):
 *
 * <ul>
 *   <li><b>exclude</b>: the account must not be touched further (a false positive, an executive's
 *       account handled separately): its steps that have not started are skipped, and the incident
 *       no longer counts it as contained by this run (UNCONTAINED);
 *   <li><b>mark done</b>: the responder did by hand what the run could not (the on-premises reset
 *       of a synced account): its steps that have not started, failed or need manual work are
 *       skipped, so the account counts as contained.
 * </ul>
 *
 * A step already sent to account-service cannot be called back; its outcome is still recorded. A
 * finished run is looked at again, so marking its last manual account done makes it SUCCEEDED.
 */
@ApplicationScoped
public class AccountSettlement {
  /** How the account was settled; also the reason code its skipped steps carry. */
  public enum Settlement {
    EXCLUDED(ReasonCode.EXCLUDED, "excluded"),
    MARKED_DONE(ReasonCode.MARKED_DONE, "marked done");

    final ReasonCode reason;
    final String verb;

    Settlement(ReasonCode reason, String verb) {
      this.reason = reason;
      this.verb = verb;
    }
  }

  @Inject RunStore runs;
  @Inject RunAccountStore accounts;
  @Inject ExecutionStore executions;
  @Inject RunContexts contexts;
  @Inject AccountSteps accountSteps;
  @Inject RunReviewer reviewer;
  @Inject RunAudit audit;
  @Inject ContainmentTracker containment;

  /** Returns how many of the account's steps were settled. */
  @Transactional
  public int settle(
      String runId, String objectId, Settlement how, String principal, String reason) {
    RunEntity run = runs.lock(runId).orElseThrow(() -> ProblemException.notFound("Run " + runId));
    if (run.state == RunState.CANCELLED) {
      throw RunPause.conflict(runId, "was cancelled; its accounts are settled already");
    }
    RunAccountEntity account =
        accounts.of(runId, List.of(objectId)).stream()
            .findFirst()
            .orElseThrow(
                () -> ProblemException.notFound("Account " + objectId + " in run " + runId));
    if (account.settledAs != null) {
      throw RunPause.conflict(
          runId,
          "has account " + objectId + " " + account.settledAs + " already by " + account.settledBy);
    }
    RunContext context = contexts.open(run);
    // locked: the dispatcher may be sending one of them right now; it is then found IN_PROGRESS
    List<StepExecutionEntity> rows = executions.lockOfAccount(runId, objectId);
    String message = how.verb + " by " + principal + ": " + reason;
    int settled = 0;
    for (StepExecutionEntity row : rows) {
      if (settles(how, row.state)) {
        String was = row.state.isFinal() ? " (was " + row.state + " " + row.reasonCode + ")" : "";
        accountSteps.finish(context, row, ExecutionState.SKIPPED, how.reason, message + was);
        settled++;
      }
    }
    account.settledAs = how.name();
    account.settledBy = principal;
    account.settledReason = reason;
    account.settledAt = context.now();
    if (how == Settlement.EXCLUDED) {
      run.excludedAccounts++;
    }
    audit.control(
        run,
        "run.account-" + how.name().toLowerCase().replace('_', '-'),
        objectId,
        principal,
        reason);
    if (run.state.isFinal()) {
      // looked at again: the state it settles in is announced like any other
      run.state = RunState.RUNNING;
      run.finishedAt = null;
    }
    reviewer.review(context);
    if (how == Settlement.EXCLUDED) {
      containment.settle(
          run.incidentId,
          run.id,
          Map.of(objectId, new ContainmentRules.Derived(ContainmentState.UNCONTAINED, null)),
          context.now());
    }
    contexts.close(context);
    return settled;
  }

  private static boolean settles(Settlement how, ExecutionState state) {
    return switch (state) {
      case WAITING, WAITING_APPROVAL, PENDING -> true;
      case REQUIRES_MANUAL, FAILED -> how == Settlement.MARKED_DONE;
      case IN_PROGRESS, SUCCEEDED, SKIPPED, CANCELLED -> false;
    };
  }
}
