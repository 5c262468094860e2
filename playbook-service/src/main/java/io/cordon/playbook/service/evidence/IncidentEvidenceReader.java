package io.cordon.playbook.service.evidence;

import io.cordon.playbook.mapping.AccountHistoryView;
import io.cordon.playbook.mapping.EvidenceDocument.AccountContainment;
import io.cordon.playbook.mapping.EvidenceDocument.IncidentSummary;
import io.cordon.playbook.mapping.EvidenceDocument.ReleaseEvidence;
import io.cordon.playbook.mapping.IncidentViews;
import io.cordon.playbook.repository.AccountEvidenceStore;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.repository.IncidentStore;
import io.cordon.playbook.repository.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * This service's incident-wide part of the evidence: the incident, its accounts' containment, every
 * report and detection filed under it (also those attached without a run), and every release.
 */
@ApplicationScoped
public class IncidentEvidenceReader {
  @Inject IncidentStore incidents;
  @Inject IncidentAccountStore accounts;
  @Inject AccountEvidenceStore evidence;
  @Inject RunStore runs;

  /** Everything at once, in one transaction, so the parts agree with each other. */
  public record Part(
      IncidentSummary incident,
      List<AccountContainment> accounts,
      List<AccountHistoryView.EvidenceView> evidence,
      List<ReleaseEvidence> releases) {}

  @Transactional
  public Part read(String incidentId) {
    IncidentSummary incident =
        incidents
            .find(incidentId)
            .map(
                row ->
                    new IncidentSummary(
                        row.id,
                        row.title,
                        row.severity,
                        row.state,
                        row.openedAt,
                        row.containedAt,
                        row.closedAt,
                        row.closedBy,
                        row.closeReason))
            .orElse(null);
    List<IncidentAccountEntity> rows = accounts.ofIncident(incidentId);
    return new Part(
        incident,
        rows.stream().map(IncidentEvidenceReader::containment).toList(),
        evidence.ofIncident(incidentId).stream().map(IncidentViews::evidence).toList(),
        rows.stream().filter(row -> row.releaseRunId != null).map(this::release).toList());
  }

  private static AccountContainment containment(IncidentAccountEntity row) {
    return new AccountContainment(
        row.key.objectId,
        row.userPrincipalName,
        row.tenantId,
        row.tenantName,
        row.state,
        row.since,
        row.containedAt,
        row.runId,
        row.reasonCode,
        row.joinedAt);
  }

  private ReleaseEvidence release(IncidentAccountEntity row) {
    String runState = runs.find(row.releaseRunId).map(run -> run.state.name()).orElse(null);
    return new ReleaseEvidence(
        row.key.objectId,
        row.userPrincipalName,
        row.releaseRunId,
        runState,
        row.releaseRequestedBy,
        row.releaseReason);
  }
}
