package io.cordon.notification.service;

import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.AffectedScopes;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.RunSummary;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A notification request as a partner limited to Entra tenants may see it (issue 26): only the
 * accounts of its tenants, and the groups and domains they bring. Scope counts and action tallies
 * count the whole run, across tenants, so such a partner gets none; its account total is its own.
 * An account whose tenant the producer did not name is no tenant's.
 */
final class TenantLimit {
  private TenantLimit() {}

  /**
   * @param tenants lower-case directory ids; empty for a partner limited to no tenant
   * @return the request as is for a partner limited to no tenant; empty when none of the accounts
   *     is in the partner's tenants
   */
  static Optional<NotificationRequested> of(NotificationRequested request, List<String> tenants) {
    if (tenants.isEmpty()) {
      return Optional.of(request);
    }
    List<AffectedAccount> theirs =
        request.affectedAccounts().stream()
            .filter(
                a ->
                    a.tenantId() != null && tenants.contains(a.tenantId().toLowerCase(Locale.ROOT)))
            .toList();
    if (theirs.isEmpty()) {
      return Optional.empty();
    }
    Set<String> groupIds = new HashSet<>();
    Set<String> domains = new HashSet<>();
    for (AffectedAccount account : theirs) {
      account.groupIds().forEach(id -> groupIds.add(IncidentFacts.key(id)));
      domains.add(IncidentFacts.domain(account.domain()));
    }
    AffectedScopes scopes = request.affectedScopes();
    RunSummary run = request.runSummary();
    return Optional.of(
        new NotificationRequested(
            request.schemaVersion(),
            request.eventId(),
            request.notificationId(),
            request.incident(),
            new RunSummary(
                run.runId(),
                run.playbook(),
                run.state(),
                theirs.size(),
                run.startedAt(),
                run.finishedAt()),
            new AffectedScopes(
                scopes.groups().stream()
                    .filter(g -> groupIds.contains(IncidentFacts.key(g.id())))
                    .toList(),
                scopes.domains().stream()
                    .filter(d -> domains.contains(IncidentFacts.domain(d)))
                    .toList(),
                scopes.tags()),
            List.of(),
            List.of(),
            theirs,
            request.requestedAt()));
  }
}
