package io.cordon.playbook.mapping;

import io.cordon.playbook.repository.AccountEvidenceEntity;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentEntity;
import io.cordon.playbook.repository.StepExecutionEntity;

/** Maps incident rows to what the API answers. */
public final class IncidentViews {
  private IncidentViews() {}

  public static IncidentListItem listItem(IncidentEntity incident) {
    return new IncidentListItem(
        incident.id,
        incident.title,
        incident.severity,
        incident.state,
        incident.openedAt,
        incident.containedAt,
        incident.closedAt);
  }

  public static IncidentAccountView account(IncidentAccountEntity row) {
    return new IncidentAccountView(
        row.key.incidentId,
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

  public static AccountHistoryView.EvidenceView evidence(AccountEvidenceEntity row) {
    return new AccountHistoryView.EvidenceView(
        row.incidentId,
        row.reportId,
        row.runId,
        row.source,
        row.reportedBy,
        row.receivedAt,
        row.activityAt,
        row.firstSeenAt,
        row.disposition,
        row.reasonCode,
        row.note,
        row.indicators.stream()
            .map(
                indicator ->
                    new AccountHistoryView.IndicatorView(
                        indicator.type, indicator.value, indicator.observedAt, indicator.source))
            .toList());
  }

  public static AccountHistoryView.ActionView action(String incidentId, StepExecutionEntity row) {
    return new AccountHistoryView.ActionView(
        incidentId,
        row.runId,
        row.stepId,
        row.action,
        row.state.name(),
        row.reasonCode,
        row.reasonMessage,
        row.attempt,
        row.graphRequestId,
        row.startedAt,
        row.finishedAt);
  }
}
