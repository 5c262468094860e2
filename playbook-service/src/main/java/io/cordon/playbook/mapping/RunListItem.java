package io.cordon.playbook.mapping;

import io.cordon.contracts.RunState;
import java.time.Instant;

/**
 * A run in {@code GET /api/v1/runs}.
 *
 * @param progress final executions out of all, for progress bars
 */
public record RunListItem(
    String id,
    RunView.PlaybookRef playbook,
    String incidentId,
    String reportId,
    RunState state,
    String source,
    String startedBy,
    int accounts,
    Progress progress,
    Instant createdAt,
    Instant finishedAt,
    Long durationMs) {

  public record Progress(long done, long total) {}
}
