package io.cordon.contracts.events;

import io.cordon.contracts.OptionalField;
import io.cordon.contracts.RunState;
import java.time.Instant;

/**
 * Where a run stood when a notice was requested; the notify step usually runs before the end.
 *
 * @param finishedAt absent while the run is not final
 */
public record RunSummary(
    String runId,
    String playbook,
    RunState state,
    int accountsTotal,
    Instant startedAt,
    @OptionalField Instant finishedAt) {

  private static final String TYPE = "RunSummary";

  public RunSummary {
    Check.text(runId, TYPE, "runId");
    Check.text(playbook, TYPE, "playbook");
    Check.required(state, TYPE, "state");
    Check.atLeast(accountsTotal, 0, TYPE, "accountsTotal");
    Check.required(startedAt, TYPE, "startedAt");
  }
}
