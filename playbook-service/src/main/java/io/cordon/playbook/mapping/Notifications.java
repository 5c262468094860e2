package io.cordon.playbook.mapping;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.RunState;
import io.cordon.contracts.Severity;
import io.cordon.contracts.events.ActionTally;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.AffectedScopes;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.Indicator;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.RunSummary;
import io.cordon.contracts.events.ScopeCount;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.repository.RunEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The partner notice request of a run's notify step. */
public final class Notifications {
  private Notifications() {}

  /**
   * @param notificationId stable per (run, step), so a notice is requested once per run
   * @param accounts the accounts the step covers
   * @param exposures what the incident knows of each account's exposure, by object id
   * @param actionsTaken how each action went so far, one tally per action
   */
  public static NotificationRequested request(
      RunEntity run,
      RunState state,
      String notificationId,
      List<AccountFacts> accounts,
      Map<String, Exposure> exposures,
      List<ActionTally> actionsTaken,
      Instant now) {
    Map<String, GroupRef> groups = new TreeMap<>();
    Map<String, Integer> perGroup = new TreeMap<>();
    Map<String, Integer> perDomain = new TreeMap<>();
    List<AffectedAccount> affected = new ArrayList<>(accounts.size());
    for (AccountFacts account : accounts) {
      List<String> groupIds = new ArrayList<>();
      for (GroupRef group : account.groups()) {
        // an account listed in a group twice still counts once there
        if (!groupIds.contains(group.id())) {
          groupIds.add(group.id());
          groups.putIfAbsent(group.id(), group);
          perGroup.merge(group.id(), 1, Integer::sum);
        }
      }
      perDomain.merge(account.domain(), 1, Integer::sum);
      Exposure exposure = exposures.getOrDefault(account.objectId(), Exposure.UNKNOWN);
      affected.add(
          AffectedAccount.of(account.userPrincipalName(), groupIds)
              .withExposure(
                  account.privileged(),
                  exposure.containment(),
                  exposure.containedAt(),
                  exposure.firstActivityAt())
              .withIndicators(exposure.indicators())
              // for partners limited to tenants (notification-service); never shown to them
              .inTenant(account.tenantId()));
    }
    List<ScopeCount> scopeCounts = new ArrayList<>();
    perGroup.forEach((id, count) -> scopeCounts.add(new ScopeCount(ScopeCount.GROUP, id, count)));
    perDomain.forEach(
        (domain, count) -> scopeCounts.add(new ScopeCount(ScopeCount.DOMAIN, domain, count)));
    return new NotificationRequested(
        NotificationRequested.SCHEMA_VERSION,
        EventIds.derived("notification-requested", notificationId),
        notificationId,
        incident(run),
        new RunSummary(
            run.id, run.playbookName, state, run.accountsTotal, run.createdAt, run.finishedAt),
        new AffectedScopes(
            List.copyOf(groups.values()), List.copyOf(perDomain.keySet()), List.of()),
        scopeCounts,
        actionsTaken,
        affected,
        now);
  }

  /**
   * An account's exposure in its incident.
   *
   * @param containment its containment state's name; null when the incident does not hold it
   * @param indicators the indicators of compromise the incident's evidence names for it
   */
  public record Exposure(
      String containment,
      Instant containedAt,
      Instant firstActivityAt,
      List<Indicator> indicators) {
    static final Exposure UNKNOWN = new Exposure(null, null, null, List.of());

    public Exposure {
      indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
  }

  public static IncidentRef incident(RunEntity run) {
    return new IncidentRef(
        run.incidentId,
        run.incidentTitle,
        run.incidentSeverity == null ? null : Severity.valueOf(run.incidentSeverity));
  }

  /** Accumulates tallies per action in the order actions first appear. */
  public static final class Tallies {
    private final Map<String, long[]> byAction = new LinkedHashMap<>();

    public void add(String action, long succeeded, long skipped, long manual, long failed) {
      long[] tally = byAction.computeIfAbsent(action, a -> new long[4]);
      tally[0] += succeeded;
      tally[1] += skipped;
      tally[2] += manual;
      tally[3] += failed;
    }

    public List<ActionTally> toList() {
      List<ActionTally> tallies = new ArrayList<>();
      byAction.forEach(
          (action, tally) ->
              tallies.add(
                  new ActionTally(
                      ActionType.valueOf(action),
                      (int) tally[0],
                      (int) tally[1],
                      (int) tally[2],
                      (int) tally[3])));
      return tallies;
    }
  }
}
