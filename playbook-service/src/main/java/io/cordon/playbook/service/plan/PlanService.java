package io.cordon.playbook.service.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.GraphPermissionRules;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.GraphAccess;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.playbook.client.AccountReports;
import io.cordon.playbook.config.PlaybookConfig;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.EvidenceDisposition;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.service.incident.ContainmentRules;
import io.cordon.playbook.service.run.Conditions;
import io.cordon.playbook.service.run.RunPlaybooks;
import io.cordon.playbook.service.run.RunPreflight;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dry runs: the report goes to account-service as {@code ?dryRun=true} (Graph reads only, nothing
 * stored), and the playbook's steps are decided per account here as a run would decide them. No
 * run, no approval, no action, no write.
 */
@ApplicationScoped
public class PlanService {
  /** A plan's reason for an account a report would only attach as evidence. */
  static final String ALREADY_CONTAINED = "ALREADY_CONTAINED";

  @Inject RunPlaybooks playbooks;
  @Inject PlaybookConfig config;
  @Inject AccountReports reports;
  @Inject ObjectMapper mapper;
  @Inject IncidentAccountStore incidentAccounts;

  /**
   * @param playbookName null for the default playbook
   * @param report the body account-service's {@code POST /compromise-reports} takes
   */
  public Plan plan(String playbookName, JsonNode report, String bearerToken) {
    return plan(playbookName, report, bearerToken, false);
  }

  /**
   * @param manual whether the body is a run's ({@code POST /runs} contains every account it names,
   *     whatever its state); a report's accounts already contained in an open incident are not
   *     contained again
   */
  public Plan plan(String playbookName, JsonNode report, String bearerToken, boolean manual) {
    String name = playbookName == null ? config.defaultPlaybook() : playbookName;
    Playbook playbook =
        playbooks
            .latest(name)
            .orElseThrow(
                () -> {
                  String reason = "no playbook named " + name + " exists";
                  return new ProblemException(
                      ProblemType.UNPROCESSABLE,
                      "playbook: " + reason,
                      List.of(new Problem.FieldError("playbook", reason)));
                });
    JsonNode resolution = reports.dryRun(bearerToken, report);
    GraphAccess access =
        resolution.hasNonNull("graphAccess")
            ? mapper.convertValue(resolution.get("graphAccess"), GraphAccess.class)
            : null;
    Set<String> granted = access == null ? null : new HashSet<>(access.permissions());
    Set<String> roles =
        access == null || !access.directoryRolesKnown()
            ? null
            : new HashSet<>(access.directoryRoles());
    Map<String, String> contained = manual ? Map.of() : alreadyContained(resolution);
    List<PlannedAccount> accounts = new ArrayList<>();
    List<AccountFacts> resolved = new ArrayList<>();
    List<String> protectedIds = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    Map<String, Long> awaiting = new LinkedHashMap<>();
    for (JsonNode entry : resolution.path("accounts")) {
      String input = entry.path("input").asText();
      String outcome = entry.path("resolution").asText();
      if (!"RESOLVED".equals(outcome)) {
        accounts.add(
            new PlannedAccount(
                input,
                outcome,
                entry.path("reason").asText(null),
                null,
                null,
                List.of(),
                null,
                List.of()));
        continue;
      }
      AccountFacts facts =
          AccountFacts.of(mapper.convertValue(entry.get("account"), ResolvedAccount.class));
      String protectedReason = entry.path("protectedReason").asText(null);
      String containedIn = contained.get(facts.objectId());
      if (protectedReason != null) {
        protectedIds.add(facts.objectId());
      } else if (containedIn == null) {
        resolved.add(facts);
      }
      List<PlannedStep> steps = new ArrayList<>();
      for (Step step : playbook.steps()) {
        PlannedStep planned =
            containedIn != null
                ? new PlannedStep(
                    step.id(),
                    step.action(),
                    "SKIP",
                    ALREADY_CONTAINED,
                    "already contained in open incident "
                        + containedIn
                        + "; this report would be attached as evidence only")
                : decide(step, facts, protectedReason, granted, roles);
        steps.add(planned);
        if (ReasonCode.MISSING_PERMISSION.name().equals(planned.reason())) {
          missing.add("step " + step.id() + ": " + planned.message());
        }
        if ("AWAIT_APPROVAL".equals(planned.decision())) {
          awaiting.merge(step.id(), 1L, Long::sum);
        }
      }
      accounts.add(
          new PlannedAccount(
              input,
              outcome,
              null,
              facts.objectId(),
              facts.userPrincipalName(),
              facts.privilegedRoles(),
              protectedReason,
              steps));
    }
    String preflight = RunPreflight.problem(playbook, access, resolved);
    List<Plan.PlannedApproval> approvals = new ArrayList<>();
    for (Step step : playbook.steps()) {
      if (awaiting.containsKey(step.id())) {
        approvals.add(
            new Plan.PlannedApproval(step.id(), step.approval().role(), awaiting.get(step.id())));
      }
    }
    return new Plan(
        true,
        playbook.name(),
        playbook.version(),
        preflight == null && !resolved.isEmpty(),
        preflight,
        resolution.path("accepted").asInt(),
        resolution.path("rejected"),
        approvals,
        protectedIds,
        List.copyOf(missing),
        accounts,
        resolution.get("graphAccess"));
  }

  // as a run's intake decides (IncidentIntake.admit): an account contained, or being contained, in
  // an open incident is not contained again unless later activity re-opens it
  @Transactional
  Map<String, String> alreadyContained(JsonNode resolution) {
    Map<String, Instant> activity = new LinkedHashMap<>();
    for (JsonNode entry : resolution.path("accounts")) {
      JsonNode account = entry.path("account");
      if ("RESOLVED".equals(entry.path("resolution").asText())) {
        String at = account.path("activityAt").asText(null);
        activity.put(account.path("objectId").asText(), at == null ? null : Instant.parse(at));
      }
    }
    Map<String, String> contained = new LinkedHashMap<>();
    incidentAccounts
        .inOpenIncidents(activity.keySet())
        .forEach(
            (objectId, rows) -> {
              ContainmentRules.Decision decision =
                  ContainmentRules.decide(
                      rows.stream()
                          .map(
                              row ->
                                  new ContainmentRules.Holding(
                                      row.key.incidentId, row.state, row.containedAt))
                          .toList(),
                      activity.get(objectId));
              if (decision.disposition() == EvidenceDisposition.ATTACHED) {
                contained.put(objectId, decision.incidentId());
              }
            });
    return contained;
  }

  // the order the engine and the executor decide in: protection first (the executor's), then the
  // step's condition, then what Graph would refuse, then what only a person can do, then approval
  private static PlannedStep decide(
      Step step,
      AccountFacts account,
      String protectedReason,
      Set<String> granted,
      Set<String> roles) {
    ActionType action = step.action();
    if (protectedReason != null && action != ActionType.NOTIFY_PARTNERS) {
      return new PlannedStep(
          step.id(),
          action,
          "REQUIRES_MANUAL",
          ReasonCode.PROTECTED_ACCOUNT.name(),
          "protected account (" + protectedReason + ")");
    }
    if (!Conditions.matches(step.when(), account)) {
      return new PlannedStep(
          step.id(),
          action,
          "SKIP",
          ReasonCode.CONDITION_NOT_MET.name(),
          "the step's when-condition does not hold for this account");
    }
    String lacking = granted == null ? null : GraphPermissionRules.missingFor(action, granted);
    if (lacking == null && roles != null) {
      // a role the app itself needs whoever the target (DISABLE_DEVICES), as readiness checks it
      lacking = GraphPermissionRules.missingAppRoleFor(action, roles);
    }
    if (lacking == null && roles != null && account.privileged()) {
      lacking = GraphPermissionRules.missingRoleFor(action, roles);
    }
    if (lacking != null) {
      // onMissingPermission: skip makes the run skip the step instead of failing
      return new PlannedStep(
          step.id(),
          action,
          step.skipsWhenNotPermitted() ? "SKIP" : "FAIL",
          ReasonCode.MISSING_PERMISSION.name(),
          lacking);
    }
    if (account.guest()
        && (action == ActionType.REVOKE_SESSIONS || action == ActionType.RESET_PASSWORD)) {
      return new PlannedStep(
          step.id(),
          action,
          "SKIP",
          ReasonCode.GUEST_ACCOUNT.name(),
          ReasonCode.GUEST_ACCOUNT.description());
    }
    if (account.onPremisesSynced()
        && (action == ActionType.RESET_PASSWORD || action == ActionType.DISABLE_ACCOUNT)) {
      return new PlannedStep(
          step.id(),
          action,
          "REQUIRES_MANUAL",
          ReasonCode.ON_PREMISES_SYNCED.name(),
          ReasonCode.ON_PREMISES_SYNCED.description());
    }
    if (step.approval() != null) {
      return new PlannedStep(
          step.id(),
          action,
          "AWAIT_APPROVAL",
          null,
          "runs after a person with role " + step.approval().role() + " approves");
    }
    return new PlannedStep(step.id(), action, "RUN", null, null);
  }
}
