package io.cordon.playbook.service.incident;

import io.cordon.playbook.model.IncidentState;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.repository.IncidentEntity;
import io.cordon.playbook.repository.IncidentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Derives an incident's state from its accounts after they changed: CONTAINED once every account
 * has a final containment state, OPEN again when an account needs containing. A closed incident
 * stays closed unless an account of it is being contained again.
 */
@ApplicationScoped
public class IncidentStates {
  @Inject IncidentStore incidents;
  @Inject IncidentAccountStore accounts;
  @Inject IncidentAudit audit;

  @Transactional(Transactional.TxType.MANDATORY)
  public void refresh(String incidentId, boolean accountsJoined, Instant now) {
    IncidentEntity incident = incidents.lock(incidentId).orElseThrow();
    IncidentState before = incident.state;
    if (before == IncidentState.CLOSED && !accountsJoined) {
      return;
    }
    boolean contained = accounts.notFinal(incidentId) == 0;
    IncidentState after = contained ? IncidentState.CONTAINED : IncidentState.OPEN;
    if (after == before) {
      return;
    }
    incident.state = after;
    incident.updatedAt = now;
    if (after == IncidentState.CONTAINED) {
      incident.containedAt = now;
    }
    if (before == IncidentState.CLOSED) {
      incident.closedAt = null;
    }
    String action =
        before == IncidentState.CLOSED
            ? "incident.reopened"
            : after == IncidentState.CONTAINED ? "incident.contained" : "incident.reopened";
    audit.state(incident, before, action, null);
  }
}
