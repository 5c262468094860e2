package io.cordon.playbook.service.incident;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.IncidentState;
import io.cordon.playbook.repository.AccountEvidenceEntity;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of incidents: opened, state changes, closed, each piece of evidence and each
 * account's containment state. The incident timeline is read from them.
 */
@ApplicationScoped
public class IncidentAudit {
  @Inject Audit audit;

  @Transactional(Transactional.TxType.MANDATORY)
  public void state(IncidentEntity incident, IncidentState before, String action, String reason) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("state", incident.state.name());
    after.put("title", incident.title);
    after.put("severity", incident.severity);
    audit.record(
        AuditEntry.of(AuditKind.INCIDENT, action, incident.id)
            .withIncident(incident.id)
            .withChange(before == null ? null : Map.of("state", before.name()), after)
            .withResult(incident.state.name(), reason));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void evidence(AccountEvidenceEntity evidence) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("disposition", evidence.disposition.name());
    after.put("report", evidence.reportId);
    after.put("source", evidence.source);
    after.put("reportedBy", evidence.reportedBy);
    after.put("activityAt", evidence.activityAt == null ? null : evidence.activityAt.toString());
    after.put("firstSeenAt", evidence.firstSeenAt == null ? null : evidence.firstSeenAt.toString());
    // how many, not which: the values are in the evidence itself, and a feed may name hundreds
    after.put("indicators", evidence.indicators.size());
    after.put("note", evidence.note);
    audit.record(
        AuditEntry.of(
                AuditKind.EVIDENCE,
                "evidence." + evidence.disposition.name().toLowerCase(java.util.Locale.ROOT),
                evidence.objectId)
            .withAccount(evidence.objectId, evidence.userPrincipalName)
            .withIncident(evidence.incidentId)
            .withRun(evidence.runId)
            .withChange(null, after)
            .withResult(evidence.disposition.name(), evidence.reasonCode));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void containment(IncidentAccountEntity account, ContainmentState before) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("state", account.state.name());
    after.put("since", account.since.toString());
    after.put("run", account.runId);
    audit.record(
        AuditEntry.of(AuditKind.CONTAINMENT, "account.containment", account.key.objectId)
            .withAccount(account.key.objectId, account.userPrincipalName)
            .withIncident(account.key.incidentId)
            .withRun(account.runId)
            .withChange(before == null ? null : Map.of("state", before.name()), after)
            .withResult(account.state.name(), account.reasonCode));
  }
}
