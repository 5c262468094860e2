package io.cordon.playbook.service.incident;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import io.cordon.playbook.mapping.IncidentAccountView;
import io.cordon.playbook.mapping.IncidentListItem;
import io.cordon.playbook.mapping.IncidentView;
import io.cordon.playbook.mapping.IncidentViews;
import io.cordon.playbook.mapping.RunListItem;
import io.cordon.playbook.mapping.RunViews;
import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.IncidentState;
import io.cordon.playbook.model.TimelineEntry;
import io.cordon.playbook.repository.ExecutionStore;
import io.cordon.playbook.repository.IncidentAccountEntity;
import io.cordon.playbook.repository.IncidentAccountStore;
import io.cordon.playbook.repository.IncidentEntity;
import io.cordon.playbook.repository.IncidentStore;
import io.cordon.playbook.repository.IncidentTimelineStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads incidents for the status API; reads only, from any instance. */
@ApplicationScoped
public class IncidentQueries {
  /** An incident lists at most this many runs; the rest are one GET /runs?incident= away. */
  static final int MAX_RUNS_SHOWN = 1000;

  @Inject IncidentStore incidents;
  @Inject IncidentAccountStore accounts;
  @Inject IncidentTimelineStore timeline;
  @Inject RunStore runs;
  @Inject ExecutionStore executions;

  /**
   * @param states empty for every state
   */
  @Transactional
  public Page<IncidentListItem> list(List<IncidentState> states, PageRequest page) {
    PageKey after = PageKey.parse(page.after());
    List<IncidentEntity> rows = incidents.page(states, after.time(), after.id(), page.limit() + 1);
    List<IncidentEntity> pageRows = rows.stream().limit(page.limit()).toList();
    String next = null;
    if (rows.size() > page.limit()) {
      IncidentEntity last = pageRows.get(pageRows.size() - 1);
      next = PageKey.encode(last.openedAt, last.id);
    }
    return new Page<>(pageRows.stream().map(IncidentViews::listItem).toList(), next);
  }

  @Transactional
  public IncidentView get(String id) {
    IncidentEntity incident = existing(id);
    List<RunEntity> incidentRuns = runs.page(id, List.of(), null, null, MAX_RUNS_SHOWN);
    Map<String, long[]> progress =
        executions.progress(incidentRuns.stream().map(run -> run.id).toList());
    Instant now = Instant.now();
    List<RunListItem> runItems =
        incidentRuns.stream()
            .map(run -> RunViews.listItem(run, progress.get(run.id), now))
            .toList();
    List<IncidentView.ReportRef> reports =
        incidentRuns.stream()
            .filter(run -> run.reportId != null)
            .sorted(Comparator.comparing((RunEntity run) -> run.createdAt))
            .map(
                run ->
                    new IncidentView.ReportRef(
                        run.reportId, run.source, run.startedBy, run.id, run.createdAt))
            .toList();
    return new IncidentView(
        incident.id,
        incident.title,
        incident.severity,
        incident.state,
        incident.openedAt,
        incident.containedAt,
        incident.closedAt,
        incident.closedBy,
        incident.closeReason,
        accounts.counts(id),
        reports,
        runItems);
  }

  /**
   * @param states empty for every account
   */
  @Transactional
  public Page<IncidentAccountView> accounts(
      String id, Set<ContainmentState> states, PageRequest page) {
    existing(id);
    PageKey after = PageKey.parse(page.after());
    List<IncidentAccountEntity> rows =
        accounts.page(id, states, after.time(), after.id(), page.limit() + 1);
    List<IncidentAccountEntity> pageRows = rows.stream().limit(page.limit()).toList();
    String next = null;
    if (rows.size() > page.limit()) {
      IncidentAccountEntity last = pageRows.get(pageRows.size() - 1);
      next = PageKey.encode(last.joinedAt, last.key.objectId);
    }
    return new Page<>(pageRows.stream().map(IncidentViews::account).toList(), next);
  }

  @Transactional
  public Page<TimelineEntry> timeline(String id, PageRequest page) {
    existing(id);
    long after = page.after() == null ? 0 : PageKey.seq(page.after());
    List<TimelineEntry> rows = timeline.page(id, after, page.limit() + 1);
    List<TimelineEntry> items = rows.stream().limit(page.limit()).toList();
    String next =
        rows.size() > page.limit()
            ? PageRequest.encode(Long.toString(items.get(items.size() - 1).seq()))
            : null;
    return new Page<>(items, next);
  }

  private IncidentEntity existing(String id) {
    return incidents.find(id).orElseThrow(() -> ProblemException.notFound("Incident " + id));
  }
}
