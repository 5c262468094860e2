package io.cordon.playbook.service.incident;

import io.cordon.commons.problem.ProblemException;
import io.cordon.playbook.mapping.AccountHistoryView;
import io.cordon.playbook.mapping.IncidentViews;
import io.cordon.playbook.repository.AccountActionStore;
import io.cordon.playbook.repository.AccountEvidenceEntity;
import io.cordon.playbook.repository.AccountEvidenceStore;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.repository.IncidentEntity;
import io.cordon.playbook.repository.IncidentStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@code GET /accounts/{objectIdOrUpn}}: an account's story across incidents. */
@ApplicationScoped
public class AccountHistory {
  @Inject IncidentStore incidents;
  @Inject IncidentAccountStore accounts;
  @Inject AccountEvidenceStore evidence;
  @Inject AccountActionStore actions;

  @Transactional
  public AccountHistoryView of(String objectIdOrUpn) {
    String objectId =
        objectIdOf(objectIdOrUpn)
            .orElseThrow(() -> ProblemException.notFound("Account " + objectIdOrUpn));
    List<IncidentAccountEntity> memberships = accounts.ofAccount(objectId);
    List<AccountEvidenceEntity> evidenceRows = evidence.ofAccount(objectId);
    List<AccountHistoryView.ActionView> actionViews =
        actions.ofAccount(objectId).stream()
            .map(row -> IncidentViews.action((String) row[1], (StepExecutionEntity) row[0]))
            .toList();
    String upn =
        memberships.isEmpty()
            ? evidenceRows.isEmpty() ? objectIdOrUpn : evidenceRows.get(0).userPrincipalName
            : memberships.get(0).userPrincipalName;
    return new AccountHistoryView(
        objectId,
        upn,
        memberships.stream().map(this::membership).toList(),
        evidenceRows.stream().map(IncidentViews::evidence).toList(),
        actionViews);
  }

  private AccountHistoryView.Membership membership(IncidentAccountEntity row) {
    IncidentEntity incident = incidents.find(row.key.incidentId).orElseThrow();
    return new AccountHistoryView.Membership(
        incident.id, incident.title, incident.state, IncidentViews.account(row));
  }

  // a UPN contains '@'; an object id never does. Accounts only a manual run named are known too.
  private Optional<String> objectIdOf(String objectIdOrUpn) {
    String key = objectIdOrUpn.strip();
    if (!key.contains("@")) {
      boolean known = !accounts.ofAccount(key).isEmpty() || !evidence.ofAccount(key).isEmpty();
      return known ? Optional.of(key) : Optional.empty();
    }
    return accounts.objectIdOf(key).or(() -> actions.objectIdOf(key).stream().findFirst());
  }
}
