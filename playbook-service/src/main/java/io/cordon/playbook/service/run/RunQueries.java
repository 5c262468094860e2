package io.cordon.playbook.service.run;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import io.cordon.contracts.RunState;
import io.cordon.playbook.mapping.AccountView;
import io.cordon.playbook.mapping.RunListItem;
import io.cordon.playbook.mapping.RunView;
import io.cordon.playbook.mapping.RunViews;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.RunAccountEntity;
import io.cordon.playbook.repository.RunAccountStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads runs for the status API; reads only, from any instance. */
@ApplicationScoped
public class RunQueries {
  @Inject RunStore runs;
  @Inject ExecutionStore executions;
  @Inject RunAccountStore accounts;
  @Inject RunPlaybooks playbooks;

  /**
   * @param states empty for every state
   */
  @Transactional
  public Page<RunListItem> list(String incidentId, List<RunState> states, PageRequest page) {
    SortCursor after = SortCursor.parse(page.after());
    List<RunEntity> rows =
        runs.page(incidentId, states, after.time(), after.id(), page.limit() + 1);
    List<RunEntity> pageRows = rows.stream().limit(page.limit()).toList();
    Map<String, long[]> progress =
        executions.progress(pageRows.stream().map(run -> run.id).toList());
    Instant now = Instant.now();
    List<RunListItem> items =
        pageRows.stream().map(run -> RunViews.listItem(run, progress.get(run.id), now)).toList();
    String next = null;
    if (rows.size() > page.limit()) {
      RunEntity last = pageRows.get(pageRows.size() - 1);
      next = SortCursor.encode(last.createdAt, last.id);
    }
    return new Page<>(items, next);
  }

  @Transactional
  public RunView get(String runId) {
    RunEntity run = runs.find(runId).orElseThrow(() -> ProblemException.notFound("Run " + runId));
    return RunViews.detail(
        run,
        playbooks.of(run),
        executions.counts(runId),
        executions.stepTimes(runId),
        runSteps(runId),
        Instant.now());
  }

  private Map<Integer, StepExecutionEntity> runSteps(String runId) {
    Map<Integer, StepExecutionEntity> byIndex = new java.util.HashMap<>();
    executions.runLevelAll(runId).forEach(execution -> byIndex.put(execution.stepIndex, execution));
    return byIndex;
  }

  /**
   * @param states empty for every account; otherwise accounts with a step in one of them
   */
  @Transactional
  public Page<AccountView> accounts(String runId, Set<ExecutionState> states, PageRequest page) {
    if (runs.find(runId).isEmpty()) {
      throw ProblemException.notFound("Run " + runId);
    }
    int after = page.after() == null ? -1 : page.afterPosition();
    List<RunAccountEntity> rows = accounts.page(runId, states, after, page.limit() + 1);
    List<RunAccountEntity> pageRows = rows.stream().limit(page.limit()).toList();
    Map<String, List<StepExecutionEntity>> byAccount =
        executions.byAccount(runId, pageRows.stream().map(row -> row.key.objectId).toList());
    List<AccountView> items =
        pageRows.stream()
            .map(row -> RunViews.account(row, byAccount.getOrDefault(row.key.objectId, List.of())))
            .toList();
    String next =
        rows.size() > page.limit()
            ? PageRequest.encode(Integer.toString(pageRows.get(pageRows.size() - 1).position))
            : null;
    return new Page<>(items, next);
  }
}
