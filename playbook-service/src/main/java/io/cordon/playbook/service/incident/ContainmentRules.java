package io.cordon.playbook.service.incident;

import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.EvidenceDisposition;
import io.cordon.playbook.model.ExecutionState;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The containment rules of docs/architecture.md, "Incidents and containment", decided from values
 * alone: an account's state from its steps in a run, and what new evidence about it asks for.
 */
public final class ContainmentRules {
  private ContainmentRules() {}

  /** Where an account already stands in one incident that is not closed. */
  public record Holding(String incidentId, ContainmentState state, Instant containedAt) {}

  /**
   * What to do with one piece of evidence.
   *
   * @param incidentId where the evidence is filed: the incident that holds the account's
   *     containment when it is attached, else null (the report's own incident)
   */
  public record Decision(EvidenceDisposition disposition, String incidentId) {}

  /** The containment state of an account whose per-account steps in a run are in these states. */
  public static ContainmentState derive(Collection<ExecutionState> steps) {
    if (steps.stream().anyMatch(state -> !state.isFinal())) {
      return ContainmentState.IN_PROGRESS;
    }
    if (steps.contains(ExecutionState.REQUIRES_MANUAL)) {
      return ContainmentState.REQUIRES_MANUAL;
    }
    if (steps.contains(ExecutionState.FAILED)) {
      return ContainmentState.PARTIAL;
    }
    if (steps.contains(ExecutionState.CANCELLED)) {
      // a cancelled run contained the account only as far as its steps got
      return steps.contains(ExecutionState.SUCCEEDED)
          ? ContainmentState.PARTIAL
          : ContainmentState.UNCONTAINED;
    }
    return ContainmentState.CONTAINED;
  }

  /**
   * Whether evidence about an account contains it, is attached to a containment that holds, or
   * contains it again. Only activity strictly after the latest finished containment contains it
   * again; evidence without an activity time never does (a responder's CSV re-listing a contained
   * account must not lock its owner out a second time), nor does anything while a run is still
   * working on the account.
   *
   * @param holdings the account's rows in incidents that are not closed
   * @param activityAt the activity the evidence describes, or null
   */
  public static Decision decide(List<Holding> holdings, Instant activityAt) {
    List<Holding> holding =
        holdings.stream().filter(row -> row.state().holdsContainment()).toList();
    if (holding.isEmpty()) {
      return new Decision(EvidenceDisposition.CONTAINING, null);
    }
    Optional<Holding> running =
        holding.stream().filter(row -> row.state() == ContainmentState.IN_PROGRESS).findFirst();
    if (running.isPresent()) {
      return new Decision(EvidenceDisposition.ATTACHED, running.get().incidentId());
    }
    Holding latest =
        holding.stream()
            .max(
                Comparator.comparing(
                    Holding::containedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
            .orElseThrow();
    if (activityAt != null
        && latest.containedAt() != null
        && activityAt.isAfter(latest.containedAt())) {
      return new Decision(EvidenceDisposition.RECONTAINING, null);
    }
    return new Decision(EvidenceDisposition.ATTACHED, latest.incidentId());
  }
}
