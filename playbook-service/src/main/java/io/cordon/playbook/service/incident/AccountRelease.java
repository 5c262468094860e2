package io.cordon.playbook.service.incident;

import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.repository.IncidentEntity;
import io.cordon.playbook.repository.IncidentStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.service.run.ManualRunRequest;
import io.cordon.playbook.service.run.ManualRuns;
import io.cordon.playbook.service.run.PrincipalRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Lets one contained account of an incident back in (DESIGN §11, a false positive or recovery
 * finished): a responder asks with a reason, and the built-in {@code release-account} playbook runs
 * for it, its first write held for a second person's approval (four eyes: never the one who asked).
 * The account becomes RELEASED when that run succeeds; a rejection leaves it as it was.
 */
@ApplicationScoped
public class AccountRelease {
  public static final String PLAYBOOK = "release-account";

  @Inject IncidentStore incidents;
  @Inject IncidentAccountStore accounts;
  @Inject RunStore runs;
  @Inject ManualRuns manualRuns;

  /** Returns the id of the release run. */
  public String request(
      String incidentId, String objectId, PrincipalRef by, String reason, String bearerToken) {
    IncidentEntity incident =
        QuarkusTransaction.requiringNew().call(() -> releasable(incidentId, objectId));
    // the run goes through account-service like every POST /runs, so the approver sees the
    // account's facts as the directory gives them; no transaction is held across that call
    String runId =
        manualRuns.startBuiltIn(
            PLAYBOOK,
            new ManualRunRequest(
                PLAYBOOK,
                incidentId,
                incident.title,
                incident.severity,
                List.of(new ManualRunRequest.Account(objectId, null))),
            by,
            bearerToken);
    QuarkusTransaction.requiringNew()
        .run(() -> record(incidentId, objectId, runId, by.name(), reason));
    return runId;
  }

  private IncidentEntity releasable(String incidentId, String objectId) {
    IncidentEntity incident =
        incidents
            .find(incidentId)
            .orElseThrow(() -> ProblemException.notFound("Incident " + incidentId));
    IncidentAccountEntity account = account(incidentId, objectId);
    switch (account.state) {
      case CONTAINED, PARTIAL, REQUIRES_MANUAL -> {}
      case IN_PROGRESS ->
          throw conflict(objectId, "is being contained now (run " + account.runId + ")");
      case RELEASED -> throw conflict(objectId, "is released already");
      case UNCONTAINED -> throw conflict(objectId, "is not contained: there is nothing to release");
    }
    if (account.releaseRunId != null) {
      RunEntity release = runs.find(account.releaseRunId).orElse(null);
      if (release != null && !release.state.isFinal()) {
        throw conflict(
            objectId,
            "has a release under way (run "
                + release.id
                + ", "
                + release.state
                + ", asked by "
                + account.releaseRequestedBy
                + ")");
      }
    }
    return incident;
  }

  private void record(String incidentId, String objectId, String runId, String by, String reason) {
    IncidentAccountEntity account = account(incidentId, objectId);
    account.releaseRunId = runId;
    account.releaseRequestedBy = by;
    account.releaseReason = reason;
  }

  private IncidentAccountEntity account(String incidentId, String objectId) {
    IncidentAccountEntity account = accounts.of(incidentId, List.of(objectId)).get(objectId);
    if (account == null) {
      throw ProblemException.notFound("Account " + objectId + " in incident " + incidentId);
    }
    return account;
  }

  private static ProblemException conflict(String objectId, String why) {
    return new ProblemException(ProblemType.CONFLICT, "Account " + objectId + " " + why);
  }
}
