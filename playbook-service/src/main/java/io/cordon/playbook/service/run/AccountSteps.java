package io.cordon.playbook.service.run;

import io.cordon.contracts.ReasonCode;
import io.cordon.playbook.mapping.AccountRows;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunAccountEntity;
import io.cordon.playbook.repository.RunAccountStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Moves accounts through their steps. Callers hold the run lock and pass the account's executions
 * by step index; only executions that have not started ({@code WAITING}) are ever entered, so a
 * step can never be started twice.
 */
@ApplicationScoped
public class AccountSteps {
  private static final Logger LOG = Logger.getLogger(AccountSteps.class);

  @Inject RunEvents events;
  @Inject ApprovalOpener approvals;
  @Inject ExecutionStore executions;
  @Inject RunAccountStore accounts;

  /** Walks the account on from step {@code from} to the next step it has to wait at. */
  void advance(
      RunContext context, AccountFacts account, Map<Integer, StepExecutionEntity> rows, int from) {
    List<Move> moves =
        AccountProgression.from(
            context.playbook().steps(),
            account,
            from,
            context.run().barrierIndex,
            context::runStepFinished,
            preflightSkips(context));
    for (Move move : moves) {
      StepExecutionEntity row = rows.get(move.stepIndex());
      if (row == null || row.state != ExecutionState.WAITING) {
        LOG.warnf(
            "Run %s account %s: step %d is %s, not waiting; not entering it again",
            context.run().id,
            account.objectId(),
            move.stepIndex(),
            row == null ? "missing" : row.state);
        return;
      }
      enter(context, row, move);
    }
  }

  private static Set<String> preflightSkips(RunContext context) {
    String skips = context.run().preflightSkips;
    return skips == null || skips.isBlank() ? Set.of() : Set.of(skips.split("\n"));
  }

  /** Puts a fresh or waiting execution into the state a move asks for. */
  void enter(RunContext context, StepExecutionEntity row, Move move) {
    row.updatedAt = context.now();
    switch (move.state()) {
      case SKIPPED -> {
        // a step that does not apply is not news: no event, but the reason is on the row
        row.state = ExecutionState.SKIPPED;
        row.reasonCode = move.reason().name();
        row.finishedAt = context.now();
        context.touchAccount(row.objectId);
      }
      case WAITING_APPROVAL -> {
        row.state = ExecutionState.WAITING_APPROVAL;
        row.approvalId = approvals.attach(context, row.stepIndex);
        events.accountStep(context.run(), row);
      }
      case PENDING -> {
        row.state = ExecutionState.PENDING;
        row.dueAt = context.now();
        context.markWorkDue();
      }
      default -> throw new IllegalArgumentException("Cannot enter a step as " + move.state());
    }
  }

  /** Ends an execution with an outcome and announces it. */
  void finish(
      RunContext context,
      StepExecutionEntity row,
      ExecutionState state,
      ReasonCode reason,
      String message) {
    row.state = state;
    row.reasonCode = reason == null ? null : reason.name();
    row.reasonMessage = truncate(message);
    row.dueAt = null;
    row.deadlineAt = null;
    row.finishedAt = context.now();
    row.updatedAt = context.now();
    if (!row.runLevel()) {
      events.accountStep(context.run(), row);
      context.touchAccount(row.objectId);
    }
  }

  /** After one of an account's executions became final: its next step, or the end of it. */
  void afterFinal(
      RunContext context,
      AccountFacts account,
      Map<Integer, StepExecutionEntity> rows,
      StepExecutionEntity row) {
    if (row.state == ExecutionState.FAILED && !context.step(row.stepIndex).continueOnFailure()) {
      stop(context, rows, row.stepIndex);
    } else {
      advance(context, account, rows, row.stepIndex + 1);
    }
  }

  /** Why a later step did not run; a retry of the failed step finds its skips by it. */
  static String notRunBecauseFailed(String failedStepId) {
    return "not run: step " + failedStepId + " failed for this account";
  }

  /** A step failed without continueOnFailure: the account's later steps do not run. */
  void stop(RunContext context, Map<Integer, StepExecutionEntity> rows, int failedIndex) {
    String failedStep = context.step(failedIndex).id();
    for (StepExecutionEntity later : rows.values()) {
      if (later.stepIndex > failedIndex && !later.state.isFinal()) {
        later.state = ExecutionState.SKIPPED;
        later.reasonCode = ReasonCode.NOT_APPLICABLE.name();
        later.reasonMessage = notRunBecauseFailed(failedStep);
        later.dueAt = null;
        later.finishedAt = context.now();
        later.updatedAt = context.now();
        context.touchAccount(later.objectId);
      }
    }
  }

  /**
   * Moves every account of the run on from step {@code from}, after a {@code scope: run} step
   * opened or finished there. Steps before {@code from} are final for every account (that is what
   * opening a run step waits for), so only later executions are read.
   */
  void moveAllOn(RunContext context, int from) {
    Map<String, Map<Integer, StepExecutionEntity>> byAccount = rowsFrom(context, from);
    Map<String, AccountFacts> facts = facts(context, byAccount.keySet());
    byAccount.forEach(
        (objectId, rows) -> {
          int start = from;
          for (StepExecutionEntity row : rows.values()) {
            if (!row.state.isFinal()) {
              if (row.state == ExecutionState.WAITING) {
                advance(context, facts.get(objectId), rows, start);
              }
              return;
            }
            start = row.stepIndex + 1;
          }
        });
  }

  /** The run-wide step at {@code failedIndex} failed without continueOnFailure: stop everyone. */
  void stopAll(RunContext context, int failedIndex) {
    rowsFrom(context, failedIndex + 1).values().forEach(rows -> stop(context, rows, failedIndex));
  }

  /** The facts of these accounts of the run, by object id. */
  Map<String, AccountFacts> facts(RunContext context, Collection<String> objectIds) {
    Map<String, AccountFacts> facts = new HashMap<>();
    for (RunAccountEntity row : accounts.of(context.run().id, objectIds)) {
      facts.put(row.key.objectId, AccountRows.facts(row));
    }
    return facts;
  }

  /** The executions of these accounts, by account and step index. */
  Map<String, Map<Integer, StepExecutionEntity>> rowsOf(
      RunContext context, Collection<String> objectIds) {
    return group(executions.ofAccounts(context.run().id, objectIds));
  }

  private Map<String, Map<Integer, StepExecutionEntity>> rowsFrom(RunContext context, int from) {
    return group(executions.ofAllAccountsFrom(context.run().id, from));
  }

  private static Map<String, Map<Integer, StepExecutionEntity>> group(
      List<StepExecutionEntity> rows) {
    Map<String, Map<Integer, StepExecutionEntity>> byAccount = new HashMap<>();
    for (StepExecutionEntity row : rows) {
      byAccount.computeIfAbsent(row.objectId, id -> new TreeMap<>()).put(row.stepIndex, row);
    }
    return byAccount;
  }

  static String truncate(String message) {
    return message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
  }
}
