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
 * Starts runs: one per compromise report, however many chunks it arrives in. {@code POST /runs}
 * hands its object ids to account-service as a report and reserves that report's run, so every fact
 * a run acts on comes from the directory, never from the caller. A run takes the latest version of
 * its playbook at start (or reservation) and keeps it.
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

  /**
   * Adds one chunk of a report to its run, creating the run with the first chunk to arrive unless
   * {@code POST /runs} reserved it already.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void fromReport(CompromiseReported report) {
    Instant now = RunContexts.now();
    String traceparent = incomingTraces.take(report.eventId());
    Optional<RunEntity> existing = runs.lockReportRun(report.reportId());
    RunEntity run;
    if (existing.isPresent()) {
      run = existing.get();
      if (run.chunksReceived == 0) {
        // reserved by POST /runs before anyone knew how many chunks the report would take
        run.chunksExpected = report.chunks();
        if (!run.state.isFinal()) {
          run.stateReason = null; // no longer waiting for account-service
        }
      }
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
              new RunOrigin(
                  incident.id,
                  incident.title,
                  incident.severity,
                  report.source().name(),
                  new PrincipalRef(report.reportedBy(), report.reportedById())),
              report.chunks(),
              now);
      // the engine's workers continue the trace of the report (account-service's REST call)
      run.traceparent = traceparent;
      if (playbook.isEmpty()) {
        fail(run, "playbook " + name + " does not exist", now);
      }
    }
    boolean firstChunk = run.chunksReceived == 0;
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
    if (report.accounts().isEmpty()) {
      noneResolved(run, now);
      return;
    }
    if (refusedByPreflight(run)) {
      return; // a later chunk of a run its preflight stopped: nothing runs for it either
    }
    RunContext context = contexts.open(run);
    if (firstChunk) {
      String problem =
          RunPreflight.problem(
              context.playbook(),
              report.graphAccess(),
              report.accounts().stream().map(AccountFacts::of).toList());
      if (problem != null) {
        fail(run, problem, now);
        return;
      }
      Map<String, String> skips =
          RunPreflight.skips(
              context.playbook(),
              report.graphAccess(),
              report.accounts().stream().map(AccountFacts::of).toList());
      if (!skips.isEmpty()) {
        run.preflightSkips = String.join("\n", skips.keySet());
        LOG.warnf(
            "Run %s skips steps the app registration may not carry out: %s",
            run.id, String.join("; ", skips.values()));
      }
      runAccounts.createRunSteps(context);
    }
    // a run POST /runs reserved is a responder's own decision: every account it names is contained,
    // as before it went through account-service; a report's accounts already contained (or being
    // contained) are evidence only, and no step runs for them
    boolean manual = SOURCE_API.equals(run.source);
    // a recovery run (recover-account) is recorded with the incident but leaves the accounts'
    // containment as it is: ManualRuns let it start only for contained accounts
    boolean recovery = manual && ActionScopes.recovers(context.playbook());
    Set<String> toContain =
        incidents.admit(
            new Evidence(
                run.incidentId, report.reportId(), run.id, run.source, report.reportedBy(), now),
            report.accounts().stream().map(RunStarter::named).toList(),
            recovery
                ? EvidenceDisposition.ATTACHED
                : manual ? EvidenceDisposition.CONTAINING : null);
    runAccounts.add(
        context,
        report.accounts().stream()
            .filter(account -> recovery || toContain.contains(account.objectId()))
            .map(AccountFacts::of)
            .toList());
    if (context.run().state == RunState.CANCELLED) {
      runAccounts.cancelLateAccounts(context);
    }
    reviewer.review(context);
    contexts.close(context);
  }

  /**
   * Reserves the run of a report that {@code POST /runs} handed to account-service, so the caller
   * can follow it at once; its accounts, with every fact read from the directory, arrive with the
   * report's CompromiseReported. A report that arrived first (or a replayed delivery) already has
   * its run, which is returned.
   *
   * @param accounts how many entries account-service accepted
   */
  @Transactional
  public String reserve(
      String reportId, Playbook playbook, RunOrigin origin, int accounts, Instant now) {
    Optional<RunEntity> existing = runs.lockReportRun(reportId);
    if (existing.isPresent()) {
      return existing.get().id;
    }
    // the incident exists from the start, as the report's accounts are filed under it
    incidents.open(origin.incidentId(), origin.incidentTitle(), origin.incidentSeverity(), now);
    RunEntity run =
        newRun(
            EventIds.derived("run", reportId), reportId, playbook.name(), playbook, origin, 1, now);
    run.chunksReceived = 0;
    run.stateReason =
        "account-service is reading "
            + accounts
            + " account(s) from the directory (report "
            + reportId
            + ")";
    run.traceparent = TraceContexts.current();
    return run.id;
  }

  /**
   * Contains one account of an incident again at a responder's request (POST
   * .../accounts/{objectId}/recontain), with the playbook that contained it last and the account's
   * facts as that run knew them (read from the directory by account-service for that run, never
   * given by the caller).
   */
  @Transactional
  public String recontain(
      String incidentId, String objectId, PrincipalRef principal, String reason) {
    IncidentAccountEntity account = recontainable(incidentId, objectId);
    IncidentEntity incident = incidentStore.find(incidentId).orElseThrow();
    String name =
        account.runId == null
            ? config.defaultPlaybook()
            : runs.find(account.runId)
                .map(run -> run.playbookName)
                .orElse(config.defaultPlaybook());
    AccountFacts facts =
        runAccountStore
            .latestInIncident(incidentId, objectId)
            .map(AccountRows::facts)
            .orElseThrow(() -> ProblemException.notFound("Account " + objectId + " of a run"));
    Instant now = RunContexts.now();
    Playbook playbook = playbooks.latest(name).orElseThrow(() -> unknownPlaybook(name));
    RunEntity run =
        newRun(
            UUID.randomUUID().toString(),
            null,
            name,
            playbook,
            new RunOrigin(incident.id, incident.title, incident.severity, SOURCE_API, principal),
            1,
            now);
    run.traceparent = TraceContexts.current();
    runs.recordChunk(run.id, 1, now);
    run.chunksReceived = 1;
    RunContext context = contexts.open(run);
    runAccounts.createRunSteps(context);
    incidents.admit(
        new Evidence(run.incidentId, null, run.id, SOURCE_API, run.startedBy, now, reason),
        List.of(
            new NamedAccount(
                facts.objectId(),
                facts.userPrincipalName(),
                facts.tenantId(),
                facts.tenantName(),
                null)),
        EvidenceDisposition.RECONTAINING);
    runAccounts.add(context, List.of(facts));
    reviewer.review(context);
    contexts.close(context);
    return run.id;
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

  private static ProblemException unknownPlaybook(String name) {
    String reason = "no playbook named " + name + " exists";
    return new ProblemException(
        ProblemType.UNPROCESSABLE,
        "playbook: " + reason,
        List.of(new Problem.FieldError("playbook", reason)));
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
    return new NamedAccount(
        account.objectId(),
        account.userPrincipalName(),
        account.tenantId(),
        account.tenantName(),
        account.activityAt(),
        account.firstSeenAt(),
        account.indicators());
  }

  private RunEntity newRun(
      String id,
      String reportId,
      String playbookName,
      Playbook playbook,
      RunOrigin origin,
      int chunks,
      Instant now) {
    RunEntity run = new RunEntity();
    run.id = id;
    run.reportId = reportId;
    run.playbookName = playbookName;
    run.playbookVersion = playbook == null ? null : playbook.version();
    run.incidentId = origin.incidentId();
    run.incidentTitle = origin.incidentTitle();
    run.incidentSeverity = origin.incidentSeverity();
    run.source = origin.source();
    run.startedBy = origin.startedBy().name();
    run.startedById = origin.startedBy().id();
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
  private void fail(RunEntity run, String reason, Instant now) {
    run.state = RunState.FAILED;
    run.stateReason = reason;
    run.finishedAt = now;
    events.runState(run, RunState.FAILED, reason);
    LOG.warnf("Run %s of report %s refused: %s", run.id, run.reportId, reason);
  }

  private static boolean refusedByPreflight(RunEntity run) {
    return run.state == RunState.FAILED
        && run.stateReason != null
        && run.stateReason.startsWith(RunPreflight.PREFIX);
  }

  // account-service found none of the report's accounts: the run ends here, saying so, instead of
  // waiting (reserved by POST /runs) for accounts that will never come
  private void noneResolved(RunEntity run, Instant now) {
    if (run.state.isFinal()) {
      return;
    }
    fail(
        run,
        "none of the report's accounts resolved: the directory has no such user, or reading it"
            + " failed; account-service's GET /api/v1/compromise-reports/"
            + run.reportId
            + " says which",
        now);
  }
}
