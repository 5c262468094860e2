package io.cordon.playbook.service.incident;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.EvidenceDisposition;
import io.cordon.playbook.model.ExecutionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  /**
   * The clean-up of what an attacker left behind (docs/playbooks.md, "Removing what an attacker
   * left"). It does not decide whether an account is contained: once its sessions, password and
   * (where the playbook asks) the account itself are dealt with, the attacker can no longer use the
   * account, nor put anything back through it. What the clean-up still waits for (an approver) or
   * left for a person (an undated MFA method, a certificate, a device Graph lets only a person
   * disable, a role that would not go) is follow-up work, named in the account's reason.
   */
  private static final Set<String> PERSISTENCE_CLEANUP =
      Set.of(
          ActionType.REMOVE_MFA_METHODS.name(),
          ActionType.REVOKE_OAUTH_GRANTS.name(),
          ActionType.REMOVE_FORWARDING_RULES.name(),
          ActionType.REMOVE_MAIL_RULES.name(),
          ActionType.REMOVE_PRIVILEGED_ROLES.name(),
          ActionType.REMOVE_APP_CREDENTIALS.name(),
          ActionType.REMOVE_APP_CONSENTS.name(),
          ActionType.DISABLE_DEVICES.name());

  /** The clean-up of a contained account still runs or waits for an approver. */
  public static final String CLEANUP_IN_PROGRESS = "CLEANUP_IN_PROGRESS";

  /** The clean-up of the account ended with something a person has to finish. */
  public static final String LEFT_FOR_MANUAL = ReasonCode.LEFT_FOR_MANUAL.name();

  /** One per-account step of a run: its action and where it stands. */
  public record StepOutcome(String action, ExecutionState state) {}

  /**
   * An account's containment as its steps amount to.
   *
   * @param reasonCode the follow-up its clean-up leaves ({@link #CLEANUP_IN_PROGRESS}, {@link
   *     #LEFT_FOR_MANUAL}), or null when there is none
   */
  public record Derived(ContainmentState state, String reasonCode) {
    /** Whether a reason is one this class gives (and takes back when the follow-up is done). */
    public static boolean isFollowUp(String reasonCode) {
      return CLEANUP_IN_PROGRESS.equals(reasonCode) || LEFT_FOR_MANUAL.equals(reasonCode);
    }
  }

  /**
   * The containment of an account whose per-account steps in a run are these: the containing steps
   * decide its state, its clean-up steps only the follow-up. A run made of clean-up steps alone is
   * decided by them, as any other steps.
   */
  public static Derived derive(Collection<StepOutcome> steps) {
    List<ExecutionState> containing = new ArrayList<>();
    List<ExecutionState> cleanup = new ArrayList<>();
    for (StepOutcome step : steps) {
      (PERSISTENCE_CLEANUP.contains(step.action()) ? cleanup : containing).add(step.state());
    }
    if (containing.isEmpty()) {
      return new Derived(deriveState(cleanup), null);
    }
    ContainmentState state = deriveState(containing);
    if (state == ContainmentState.IN_PROGRESS) {
      return new Derived(state, null);
    }
    if (cleanup.stream().anyMatch(step -> !step.isFinal())) {
      return new Derived(state, CLEANUP_IN_PROGRESS);
    }
    boolean leftOver =
        cleanup.stream()
            .anyMatch(
                step ->
                    step == ExecutionState.REQUIRES_MANUAL
                        || step == ExecutionState.FAILED
                        || step == ExecutionState.CANCELLED);
    return new Derived(state, leftOver ? LEFT_FOR_MANUAL : null);
  }

  /** The containment state of an account whose per-account steps in a run are in these states. */
  public static ContainmentState deriveState(Collection<ExecutionState> steps) {
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
