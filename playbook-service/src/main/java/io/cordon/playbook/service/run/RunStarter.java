package io.cordon.playbook.service.run;

import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.commons.tracing.IncomingTraces;
import io.cordon.commons.tracing.TraceContexts;
import io.cordon.contracts.RunState;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.playbook.config.PlaybookConfig;
import io.cordon.playbook.mapping.AccountRows;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.EvidenceDisposition;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.repository.IncidentEntity;
import io.cordon.playbook.repository.IncidentStore;
import io.cordon.playbook.repository.RunAccountStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.service.incident.Evidence;
import io.cordon.playbook.service.incident.IncidentIntake;
import io.cordon.playbook.service.incident.NamedAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts runs: one per compromise report, however many chunks it arrives in, and one per {@code
 * POST /runs}. A run takes the latest version of its playbook at start and keeps it.
 */
@ApplicationScoped
public class RunStarter {
  static final String SOURCE_API = "API";
  private static final Logger LOG = Logger.getLogger(RunStarter.class);

  @Inject RunStore runs;
  @Inject RunPlaybooks playbooks;
  @Inject PlaybookConfig config;
  @Inject RunContexts contexts;
  @Inject RunAccounts runAccounts;
  @Inject RunReviewer reviewer;
  @Inject RunEvents events;
  @Inject RunAudit audit;
  @Inject IncomingTraces incomingTraces;
  @Inject IncidentIntake incidents;
  @Inject IncidentStore incidentStore;
  @Inject IncidentAccountStore incidentAccounts;
  @Inject RunAccountStore runAccountStore;

  /** Adds one chunk of a report to its run, creating the run with the first chunk to arrive. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void fromReport(CompromiseReported report) {
    Instant now = RunContexts.now();
    String traceparent = incomingTraces.take(report.eventId());
    Optional<RunEntity> existing = runs.lockReportRun(report.reportId());
    RunEntity run;
    if (existing.isPresent()) {
      run = existing.get();
    } else {
      String name =
          report.requestedPlaybook() == null
              ? config.defaultPlaybook()
              : report.requestedPlaybook();
      Optional<Playbook> playbook = playbooks.latest(name);
      IncidentEntity incident = incidentOf(report, now);
      run =
          newRun(
              EventIds.derived("run", report.reportId()),
              report.reportId(),
              name,
              playbook.orElse(null),
              incident.id,
              incident.title,
              incident.severity,
              report.source().name(),
              report.reportedBy(),
              report.chunks(),
              now);
      // the engine's workers continue the trace of the report (account-service's REST call)
      run.traceparent = traceparent;
      if (playbook.isEmpty()) {
        refuse(run, "playbook " + name + " does not exist", now);
      }
    }
    if (!runs.recordChunk(run.id, report.chunk(), now)) {
      LOG.infof(
          "Run %s already has chunk %d of report %s", run.id, report.chunk(), report.reportId());
      return;
    }
    run.chunksReceived++;
    run.updatedAt = now;
    if (run.playbookVersion == null) {
      // a refused run keeps counting chunks so it shows what arrived, but runs nothing
      return;
    }
    RunContext context = contexts.open(run);
    if (existing.isEmpty()) {
      runAccounts.createRunSteps(context);
    }
    Set<String> toContain =
        incidents.admit(
            new Evidence(
                run.incidentId,
                report.reportId(),
                run.id,
                report.source().name(),
                report.reportedBy(),
                now),
            report.accounts().stream().map(RunStarter::named).toList(),
            null);
    // accounts already contained (or being contained) are evidence only: no step runs for them
    runAccounts.add(
        context,
        report.accounts().stream()
            .filter(account -> toContain.contains(account.objectId()))
            .map(AccountFacts::of)
            .toList());
    if (context.run().state == RunState.CANCELLED) {
      runAccounts.cancelLateAccounts(context);
    }
    reviewer.review(context);
    contexts.close(context);
  }

  /** Starts a run for {@code POST /runs}; refuses an unknown playbook. */
  @Transactional
  public String start(NewRun request) {
    return start(new ManualRun(request, null));
  }

  /**
   * Contains one account of an incident again at a responder's request (POST
   * .../accounts/{objectId}/recontain), with the playbook that contained it last and the account's
   * facts as that run knew them.
   */
  @Transactional
  public String recontain(String incidentId, String objectId, String principal, String reason) {
    IncidentAccountEntity account = recontainable(incidentId, objectId);
    IncidentEntity incident = incidentStore.find(incidentId).orElseThrow();
    String playbook =
        account.runId == null
            ? null
            : runs.find(account.runId).map(run -> run.playbookName).orElse(null);
    AccountFacts facts =
        runAccountStore
            .latestInIncident(incidentId, objectId)
            .map(AccountRows::facts)
            .orElseThrow(() -> ProblemException.notFound("Account " + objectId + " of a run"));
    NewRun run =
        new NewRun(
            playbook, incident.id, incident.title, incident.severity, List.of(facts), principal);
    return start(new ManualRun(run, reason));
  }

  private IncidentAccountEntity recontainable(String incidentId, String objectId) {
    incidentStore
        .find(incidentId)
        .orElseThrow(() -> ProblemException.notFound("Incident " + incidentId));
    IncidentAccountEntity account =
        incidentAccounts.of(incidentId, List.of(objectId)).values().stream()
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "Account " + objectId + " of incident " + incidentId));
    if (account.state == ContainmentState.IN_PROGRESS) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Account " + objectId + " is being contained now (run " + account.runId + ")");
    }
    return account;
  }

  /**
   * A way back in (recover-account) is given only after containment: every account must be
   * CONTAINED in the run's incident, else 409 naming the ones that are not.
   */
  private void requireContained(String incidentId, List<AccountFacts> accounts) {
    List<String> ids = accounts.stream().map(AccountFacts::objectId).toList();
    Map<String, IncidentAccountEntity> rows =
        incidentId == null ? Map.of() : incidentAccounts.of(incidentId, ids);
    List<Problem.FieldError> notContained = new java.util.ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      IncidentAccountEntity row = rows.get(ids.get(i));
      if (row == null || row.state != ContainmentState.CONTAINED) {
        notContained.add(
            new Problem.FieldError(
                "accounts[" + i + "]",
                ids.get(i)
                    + " is "
                    + (row == null ? "not an account of incident " + incidentId : row.state)
                    + "; recovery follows containment (CONTAINED)"));
      }
    }
    if (!notContained.isEmpty()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          notContained.size()
              + " account(s) are not contained in incident "
              + incidentId
              + ": a recovery playbook runs only after containment",
          notContained);
    }
  }

  /** A manual run, and the responder's reason when it contains an account again. */
  private record ManualRun(NewRun run, String note) {
    String playbook() {
      return run.playbook();
    }

    String incidentId() {
      return run.incidentId();
    }

    String incidentTitle() {
      return run.incidentTitle();
    }

    String incidentSeverity() {
      return run.incidentSeverity();
    }

    String startedBy() {
      return run.startedBy();
    }

    List<AccountFacts> accounts() {
      return run.accounts();
    }
  }

  private String start(ManualRun request) {
    Instant now = RunContexts.now();
    String name = request.playbook() == null ? config.defaultPlaybook() : request.playbook();
    incidents.open(request.incidentId(), request.incidentTitle(), request.incidentSeverity(), now);
    Playbook playbook =
        playbooks
            .latest(name)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNPROCESSABLE,
                        "playbook: no playbook named " + name + " exists",
                        List.of(
                            new Problem.FieldError(
                                "playbook", "no playbook named " + name + " exists"))));
    boolean recovery = ActionScopes.recovers(playbook);
    if (recovery) {
      requireContained(request.incidentId(), request.accounts());
    }
    RunEntity run =
        newRun(
            UUID.randomUUID().toString(),
            null,
            name,
            playbook,
            request.incidentId(),
            request.incidentTitle(),
            request.incidentSeverity(),
            SOURCE_API,
            request.startedBy(),
            1,
            now);
    run.traceparent = TraceContexts.current();
    runs.recordChunk(run.id, 1, now);
    run.chunksReceived = 1;
    RunContext context = contexts.open(run);
    runAccounts.createRunSteps(context);
    incidents.admit(
        new Evidence(run.incidentId, null, run.id, SOURCE_API, run.startedBy, now, request.note()),
        request.accounts().stream()
            .map(account -> new NamedAccount(account.objectId(), account.userPrincipalName(), null))
            .toList(),
        // a recovery run is recorded with the incident but leaves the accounts' containment alone
        recovery
            ? EvidenceDisposition.ATTACHED
            : request.note() == null
                ? EvidenceDisposition.CONTAINING
                : EvidenceDisposition.RECONTAINING);
    runAccounts.add(context, request.accounts());
    reviewer.review(context);
    contexts.close(context);
    return run.id;
  }

  // a detection that names no incident joins the open one that already holds one of its accounts
  private IncidentEntity incidentOf(CompromiseReported report, Instant now) {
    String id =
        incidents.incidentFor(
            report.incident().id(),
            report.joinsOpenIncident(),
            report.accounts().stream().map(ResolvedAccount::objectId).toList());
    return incidents.open(
        id,
        report.incident().title(),
        report.incident().severity() == null ? null : report.incident().severity().name(),
        now);
  }

  private static NamedAccount named(ResolvedAccount account) {
    return new NamedAccount(account.objectId(), account.userPrincipalName(), account.activityAt());
  }

  private RunEntity newRun(
      String id,
      String reportId,
      String playbookName,
      Playbook playbook,
      String incidentId,
      String incidentTitle,
      String incidentSeverity,
      String source,
      String startedBy,
      int chunks,
      Instant now) {
    RunEntity run = new RunEntity();
    run.id = id;
    run.reportId = reportId;
    run.playbookName = playbookName;
    run.playbookVersion = playbook == null ? null : playbook.version();
    run.incidentId = incidentId;
    run.incidentTitle = incidentTitle;
    run.incidentSeverity = incidentSeverity;
    run.source = source;
    run.startedBy = startedBy;
    run.state = RunState.PENDING;
    run.chunksExpected = chunks;
    run.createdAt = now;
    run.updatedAt = now;
    run.persist();
    audit.started(run);
    return run;
  }

  // a report whose playbook is unknown still shows up as a run, failed with the reason, rather
  // than disappearing into a log
  private void refuse(RunEntity run, String reason, Instant now) {
    run.state = RunState.FAILED;
    run.stateReason = reason;
    run.finishedAt = now;
    events.runState(run, RunState.FAILED, reason);
    LOG.warnf("Run %s of report %s refused: %s", run.id, run.reportId, reason);
  }
}
