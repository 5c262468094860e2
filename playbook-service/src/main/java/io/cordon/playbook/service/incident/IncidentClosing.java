package io.cordon.playbook.service.incident;

import io.cordon.commons.audit.AuditAnchors;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.playbook.model.IncidentState;
import io.cordon.playbook.repository.IncidentEntity;
import io.cordon.playbook.repository.IncidentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code POST /incidents/{id}/close}: a responder ends the incident with a reason. Runs still under
 * way are not cancelled (that is {@code POST /runs/{id}/cancel}); their outcomes keep being
 * recorded. Evidence about its accounts no longer counts as "already contained" once it is closed.
 */
@ApplicationScoped
public class IncidentClosing {
  @Inject IncidentStore incidents;
  @Inject IncidentAudit audit;
  @Inject AuditAnchors anchors;

  @Transactional
  public void close(String id, String principal, String reason) {
    IncidentEntity incident =
        incidents.lock(id).orElseThrow(() -> ProblemException.notFound("Incident " + id));
    if (incident.state == IncidentState.CLOSED) {
      throw new ProblemException(
          ProblemType.CONFLICT, "Incident " + id + " is already closed; nothing to close");
    }
    IncidentState before = incident.state;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    incident.state = IncidentState.CLOSED;
    incident.closedAt = now;
    incident.closedBy = principal;
    incident.closeReason = reason;
    incident.updatedAt = now;
    audit.state(incident, before, "incident.closed", reason);
    // the closed incident's audit trail is anchored outside the database as soon as it commits
    anchors.publishAfterCommit();
  }
}
