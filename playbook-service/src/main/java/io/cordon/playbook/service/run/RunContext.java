package io.cordon.playbook.service.run;

import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.StepExecutionEntity;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction knows about a run it holds the lock of: the run, the playbook version it
 * keeps, its run-wide executions, and one clock reading, so that everything the transaction writes
 * carries the same time.
 */
final class RunContext {
  private RunEntity run;
  private final Playbook playbook;
  private final Map<Integer, StepExecutionEntity> runSteps;
  private final Map<Integer, String> pendingApprovals = new HashMap<>();
  private final Instant now;
  private final Set<String> touchedAccounts = new LinkedHashSet<>();
  private boolean workDue;

  RunContext(
      RunEntity run, Playbook playbook, Map<Integer, StepExecutionEntity> runSteps, Instant now) {
    this.run = run;
    this.playbook = playbook;
    this.runSteps = runSteps;
    this.now = now;
  }

  RunEntity run() {
    return run;
  }

  Playbook playbook() {
    return playbook;
  }

  Step step(int index) {
    return playbook.steps().get(index);
  }

  Instant now() {
    return now;
  }

  StepExecutionEntity runStep(int index) {
    return runSteps.get(index);
  }

  /** Whether the run-wide execution of the run-only step at {@code index} is final. */
  boolean runStepFinished(int index) {
    StepExecutionEntity execution = runSteps.get(index);
    return execution != null && execution.state.isFinal();
  }

  Map<Integer, String> pendingApprovals() {
    return pendingApprovals;
  }

  /** After the session was cleared: continue with the re-read (still locked) rows. */
  void reattach(RunEntity rereadRun, Map<Integer, StepExecutionEntity> rereadRunSteps) {
    this.run = rereadRun;
    runSteps.clear();
    runSteps.putAll(rereadRunSteps);
  }

  /** Something became due for dispatch in this transaction. */
  void markWorkDue() {
    workDue = true;
  }

  boolean workDue() {
    return workDue;
  }

  /** One of the account's steps became final: its containment state may have changed. */
  void touchAccount(String objectId) {
    touchedAccounts.add(objectId);
  }

  /** The accounts touched since the last call. */
  List<String> takeTouchedAccounts() {
    List<String> touched = List.copyOf(touchedAccounts);
    touchedAccounts.clear();
    return touched;
  }
}
