package io.cordon.playbook.service.run;

import io.cordon.playbook.model.AccountFacts;
import java.util.List;

/**
 * A run to start from {@code POST /api/v1/runs}.
 *
 * @param playbook null for the default playbook
 * @param startedBy the principal that asked; may not approve the run's steps
 */
public record NewRun(
    String playbook,
    String incidentId,
    String incidentTitle,
    String incidentSeverity,
    List<AccountFacts> accounts,
    String startedBy) {

  public NewRun {
    accounts = List.copyOf(accounts);
  }
}
