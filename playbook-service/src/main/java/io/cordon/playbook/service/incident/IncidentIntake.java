package io.cordon.playbook.service.incident;

import io.cordon.contracts.ReasonCode;
import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.EvidenceDisposition;
import io.cordon.playbook.repository.AccountEvidenceEntity;
import io.cordon.playbook.repository.AccountEvidenceStore;
import io.cordon.playbook.repository.EvidenceIndicatorRow;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.repository.IncidentEntity;
import io.cordon.playbook.repository.IncidentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files reports and manual runs under their incident, and decides account by account whether the
 * evidence contains the account, is only attached to a containment that already holds, or contains
 * it again (docs/architecture.md, "Incidents and containment").
 */
@ApplicationScoped
public class IncidentIntake {
  @Inject IncidentStore incidents;
  @Inject IncidentAccountStore accounts;
  @Inject AccountEvidenceStore evidence;
  @Inject IncidentStates states;
  @Inject IncidentAudit audit;

  /**
   * The incident a report belongs to: the one it names, unless it named none (a risk detection), in
   * which case the open incident that already holds one of its accounts, if any.
   */
  public String incidentFor(String proposed, boolean joinsOpenIncident, Collection<String> ids) {
    if (!joinsOpenIncident) {
      return proposed;
    }
    return incidents.openHolding(ids).orElse(proposed);
  }

  /** The incident, created OPEN (and audited) the first time anything names it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public IncidentEntity open(String id, String title, String severity, Instant now) {
    boolean created = incidents.createIfAbsent(id, title, severity, now);
    // not locked here: a writer locks the incident last, after the accounts (IncidentStates)
    IncidentEntity incident = incidents.find(id).orElseThrow();
    if (created) {
      audit.state(incident, null, "incident.opened", null);
    } else if (incident.title == null && title != null) {
      // a CSV gave only the id; a later report with a title names it properly
      incident.title = title;
      incident.severity = incident.severity == null ? severity : incident.severity;
    }
    return incident;
  }

  /**
   * Records the evidence about each account and returns the object ids the run should contain.
   * Callers pass each account once.
   *
   * @param forced null to apply the rule; CONTAINING for a manual run (a responder who starts one
   *     means it, so every account is contained whatever its state), RECONTAINING for a responder's
   *     explicit recontain
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> admit(Evidence source, List<NamedAccount> named, EvidenceDisposition forced) {
    Map<String, NamedAccount> byId = new LinkedHashMap<>();
    named.forEach(account -> byId.merge(account.objectId(), account, NamedAccount::merged));
    accounts.lockIntake(byId.keySet());
    Set<String> already = evidence.recorded(source.reportId(), byId.keySet());
    Map<String, List<IncidentAccountEntity>> holdings = accounts.inOpenIncidents(byId.keySet());
    Map<String, IncidentAccountEntity> here = accounts.of(source.incidentId(), byId.keySet());
    Set<String> toContain = new HashSet<>();
    for (NamedAccount account : byId.values()) {
      if (already.contains(account.objectId())) {
        continue;
      }
      ContainmentRules.Decision decision =
          forced != null
              ? new ContainmentRules.Decision(forced, null)
              : ContainmentRules.decide(
                  holdings.getOrDefault(account.objectId(), List.of()).stream()
                      .map(
                          row ->
                              new ContainmentRules.Holding(
                                  row.key.incidentId, row.state, row.containedAt))
                      .toList(),
                  account.activityAt());
      record(source, account, decision);
      if (decision.disposition() != EvidenceDisposition.ATTACHED) {
        join(source, account, decision, here.get(account.objectId()));
        toContain.add(account.objectId());
      }
    }
    states.refresh(source.incidentId(), !toContain.isEmpty(), source.receivedAt());
    return toContain;
  }

  private void join(
      Evidence source,
      NamedAccount account,
      ContainmentRules.Decision decision,
      IncidentAccountEntity existing) {
    IncidentAccountEntity row = existing;
    ContainmentState before = row == null ? null : row.state;
    if (row == null) {
      row = new IncidentAccountEntity();
      row.key = new IncidentAccountEntity.Key(source.incidentId(), account.objectId());
      row.joinedAt = source.receivedAt();
    }
    row.userPrincipalName = account.userPrincipalName();
    row.tenantId = account.tenantId();
    row.tenantName = account.tenantName();
    row.state = ContainmentState.IN_PROGRESS;
    row.since = source.receivedAt();
    row.runId = source.runId();
    row.reasonCode =
        decision.disposition() == EvidenceDisposition.RECONTAINING
            ? ReasonCode.ACTIVITY_AFTER_CONTAINMENT.name()
            : null;
    if (existing == null) {
      // the insert takes the row as it is when persisted: fill it in first
      row.persist();
    }
    audit.containment(row, before);
  }

  private void record(Evidence source, NamedAccount account, ContainmentRules.Decision decision) {
    AccountEvidenceEntity row = new AccountEvidenceEntity();
    row.incidentId = Optional.ofNullable(decision.incidentId()).orElse(source.incidentId());
    row.objectId = account.objectId();
    row.userPrincipalName = account.userPrincipalName();
    row.reportId = source.reportId();
    row.runId = source.runId();
    row.source = source.source();
    row.reportedBy = source.reportedBy();
    row.receivedAt = source.receivedAt();
    row.activityAt = account.activityAt();
    // kept whatever the disposition: evidence about a contained account is still intelligence
    row.firstSeenAt = account.firstSeenAt();
    account
        .distinctIndicators()
        .forEach(
            indicator ->
                row.indicators.add(
                    new EvidenceIndicatorRow(
                        indicator.type(),
                        indicator.value(),
                        indicator.observedAt(),
                        indicator.source())));
    row.disposition = decision.disposition();
    row.reasonCode =
        decision.disposition() == EvidenceDisposition.RECONTAINING
            ? ReasonCode.ACTIVITY_AFTER_CONTAINMENT.name()
            : null;
    row.note = source.note();
    row.persist();
    audit.evidence(row);
  }
}
