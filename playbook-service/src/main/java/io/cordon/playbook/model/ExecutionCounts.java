package io.cordon.playbook.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** How many executions of a run are in which state, per step index. */
public final class ExecutionCounts {
  private final Map<Integer, EnumMap<ExecutionState, Long>> byStep = new TreeMap<>();

  public void add(int stepIndex, ExecutionState state, long count) {
    byStep
        .computeIfAbsent(stepIndex, i -> new EnumMap<>(ExecutionState.class))
        .merge(state, count, Long::sum);
  }

  public Map<ExecutionState, Long> ofStep(int stepIndex) {
    return Collections.unmodifiableMap(
        byStep.getOrDefault(stepIndex, new EnumMap<>(ExecutionState.class)));
  }

  /** Executions per state over all steps. */
  public Map<ExecutionState, Long> ofAllSteps() {
    EnumMap<ExecutionState, Long> all = new EnumMap<>(ExecutionState.class);
    byStep.values().forEach(counts -> counts.forEach((state, n) -> all.merge(state, n, Long::sum)));
    return all;
  }

  public long total(ExecutionState state) {
    return byStep.values().stream().mapToLong(counts -> counts.getOrDefault(state, 0L)).sum();
  }

  public long total() {
    return byStep.values().stream()
        .flatMap(counts -> counts.values().stream())
        .mapToLong(Long::longValue)
        .sum();
  }

  public long notFinal() {
    return byStep.values().stream()
        .flatMap(counts -> counts.entrySet().stream())
        .filter(entry -> !entry.getKey().isFinal())
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Whether every execution of the steps before {@code stepIndex} is final. */
  public boolean allFinalBefore(int stepIndex) {
    return byStep.entrySet().stream()
        .filter(step -> step.getKey() < stepIndex)
        .flatMap(step -> step.getValue().entrySet().stream())
        .noneMatch(entry -> !entry.getKey().isFinal() && entry.getValue() > 0);
  }

  /** Whether the step has executions and all of them are final. */
  public boolean stepFinished(int stepIndex) {
    Map<ExecutionState, Long> counts = byStep.get(stepIndex);
    return counts != null
        && counts.entrySet().stream()
            .noneMatch(entry -> !entry.getKey().isFinal() && entry.getValue() > 0);
  }

  public long count(int stepIndex, ExecutionState state) {
    return ofStep(stepIndex).getOrDefault(state, 0L);
  }
}
