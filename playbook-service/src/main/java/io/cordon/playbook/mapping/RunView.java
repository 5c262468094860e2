package io.cordon.playbook.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cordon.contracts.RunState;
import io.cordon.playbook.model.ExecutionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as {@code GET /api/v1/runs/{id}} answers it.
 *
 * @param counts executions per state over all steps
 * @param durationMs finished minus started; while running, the time so far
 */
public record RunView(
    String id,
    PlaybookRef playbook,
    IncidentView incident,
    String source,
    String reportId,
    String startedBy,
    RunState state,
    String stateReason,
    String cancelledBy,
    Pause paused,
    Chunks chunks,
    int accounts,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Long durationMs,
    Map<ExecutionState, Long> counts,
    List<StepView> steps) {

  /** Who holds the run and why; null when it is not paused. */
  public record Pause(String by, String reason, Instant since) {}

  /** The playbook version the run keeps. */
  public record PlaybookRef(String name, Integer version) {}

  public record IncidentView(String id, String title, String severity) {}

  /** Chunks of the run's compromise report: the run waits for all before its run steps. */
  public record Chunks(int received, int expected) {}

  /**
   * One step of the run.
   *
   * @param finished whether every execution of the step is final
   * @param outcome a {@code scope: run} step's own state and reason once it was reached; null for
   *     per-account steps (their accounts tell) and before
   */
  public record StepView(
      int index,
      String id,
      String action,
      String scope,
      Map<ExecutionState, Long> counts,
      Instant startedAt,
      Instant finishedAt,
      Long durationMs,
      boolean finished,
      @JsonInclude(JsonInclude.Include.NON_NULL) Outcome outcome) {}

  /**
   * Where a run-only step stands, e.g. a notify step waiting for its partners' delivery results.
   *
   * @param waitingUntil while IN_PROGRESS, when the step stops waiting (a notify step's
   *     waitForDelivery)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Outcome(
      ExecutionState state, String reasonCode, String reason, Instant waitingUntil) {}
}
