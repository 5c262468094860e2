package io.cordon.playbook.service.run;

import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.playbook.client.AccountReports;
import io.cordon.playbook.config.PlaybookConfig;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentAccountStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /runs}: the caller names accounts by object id; account-service reads every fact
 * about them from the directory and publishes them as a compromise report, which becomes the run
 * reserved here. A caller therefore cannot label a Global Administrator "intern@" for the approver
 * to see (docs/security.md "Trusted facts only").
 */
@ApplicationScoped
public class ManualRuns {
  @Inject RunPlaybooks playbooks;
  @Inject PlaybookConfig config;
  @Inject AccountReports reports;
  @Inject RunStarter starter;
  @Inject IncidentAccountStore incidentAccounts;

  /**
   * @param bearerToken the caller's token, passed on so the report is the caller's own
   * @param idempotencyKey the caller's {@code Idempotency-Key}, or null: a retry then gets the same
   *     report, and so the same run
   * @return the run's id
   */
  public String start(
      ManualRunRequest request, PrincipalRef startedBy, String bearerToken, String idempotencyKey) {
    String name = request.playbook() == null ? config.defaultPlaybook() : request.playbook();
    // refused before account-service hears of it: an unknown playbook starts no report
    Playbook playbook = playbooks.latest(name).orElseThrow(() -> unknownPlaybook(name));
    if (ActionScopes.recovers(playbook)) {
      requireContained(
          request.incidentId(), request.accounts().stream().map(a -> a.objectId()).toList());
    }
    return submit(playbook, request, startedBy, bearerToken, idempotencyKey);
  }

  /**
   * The run of a built-in playbook Cordon chose (a release), whose accounts the caller checked:
   * like {@link #start} without the recovery check.
   */
  public String startBuiltIn(
      String playbookName, ManualRunRequest request, PrincipalRef startedBy, String bearerToken) {
    Playbook playbook =
        playbooks.latest(playbookName).orElseThrow(() -> unknownPlaybook(playbookName));
    return submit(playbook, request, startedBy, bearerToken, null);
  }

  private String submit(
      Playbook playbook,
      ManualRunRequest request,
      PrincipalRef startedBy,
      String bearerToken,
      String idempotencyKey) {
    String name = playbook.name();
    AccountReports.Receipt receipt =
        reports.submit(
            bearerToken,
            idempotencyKey,
            request.incidentId(),
            request.incidentTitle(),
            request.severity(),
            name,
            request.accounts().stream()
                .map(a -> new AccountReports.Entry(a.objectId(), a.tenantId()))
                .toList());
    if (receipt.accepted() == 0) {
      // no report will be published for it, so no run could ever follow
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "account-service accepted none of the accounts; nothing was started",
          receipt.rejected());
    }
    return starter.reserve(
        receipt.reportId(),
        playbook,
        new RunOrigin(
            request.incidentId(),
            request.incidentTitle(),
            request.severity(),
            RunStarter.SOURCE_API,
            startedBy),
        receipt.accepted(),
        RunContexts.now());
  }

  /**
   * A way back in (recover-account) is given only after containment: every account must be
   * CONTAINED in the run's incident, else 409 naming the ones that are not.
   */
  private void requireContained(String incidentId, List<String> ids) {
    Map<String, IncidentAccountEntity> rows =
        incidentId == null ? Map.of() : incidentAccounts.of(incidentId, ids);
    List<Problem.FieldError> notContained = new ArrayList<>();
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

  private static ProblemException unknownPlaybook(String name) {
    String reason = "no playbook named " + name + " exists";
    return new ProblemException(
        ProblemType.UNPROCESSABLE,
        "playbook: " + reason,
        List.of(new Problem.FieldError("playbook", reason)));
  }
}
