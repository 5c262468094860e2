package io.cordon.playbook.service.incident;

import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentAccountStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps each account's containment state in step with the run that decides it. Outcomes of an
 * earlier run (one the account was contained again after) no longer change it.
 */
@ApplicationScoped
public class ContainmentTracker {
  @Inject IncidentAccountStore accounts;
  @Inject IncidentStates states;
  @Inject IncidentAudit audit;

  /**
   * @param derived the state each account's steps in the run amount to now
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void settle(
      String incidentId, String runId, Map<String, ContainmentRules.Derived> derived, Instant now) {
    boolean changed = false;
    for (IncidentAccountEntity row : accounts.decidedBy(runId, derived.keySet())) {
      ContainmentRules.Derived outcome = derived.get(row.key.objectId);
      if (outcome == null) {
        continue;
      }
      // the follow-up replaces an earlier follow-up; a reason the intake gave
      // (ACTIVITY_AFTER_CONTAINMENT: why the account was contained again) stays
      boolean intakeReason =
          row.reasonCode != null && !ContainmentRules.Derived.isFollowUp(row.reasonCode);
      String reason = intakeReason ? row.reasonCode : outcome.reasonCode();
      if (outcome.state() == row.state && Objects.equals(reason, row.reasonCode)) {
        continue;
      }
      ContainmentState state = outcome.state();
      ContainmentState before = row.state;
      row.reasonCode = reason;
      if (state != before) {
        row.state = state;
        row.since = now;
        if (state.holdsContainment() && state.isFinal()) {
          row.containedAt = now;
        }
      }
      audit.containment(row, before);
      changed = true;
    }
    if (changed) {
      states.refresh(incidentId, false, now);
    }
  }

  /**
   * A release run ended: when it succeeded its accounts are RELEASED (a later detection contains
   * them again); when it failed or was rejected they stay as they were.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void releaseEnded(String incidentId, String runId, boolean succeeded, Instant now) {
    if (!succeeded) {
      return;
    }
    boolean changed = false;
    for (IncidentAccountEntity row : accounts.releasedBy(runId)) {
      if (row.state == ContainmentState.RELEASED) {
        continue;
      }
      ContainmentState before = row.state;
      row.state = ContainmentState.RELEASED;
      row.since = now;
      audit.containment(row, before);
      changed = true;
    }
    if (changed) {
      states.refresh(incidentId, false, now);
    }
  }
}
