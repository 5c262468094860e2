package io.cordon.playbook.repository;

import io.cordon.playbook.model.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An incident's timeline, read from the hash-chained audit log: the entries of the incident, in
 * chain order, without the per-step and per-account state entries (those belong to a run's or an
 * account's own view, and would bury the story under thousands of lines).
 */
@ApplicationScoped
public class IncidentTimelineStore {
  private static final String SQL =
      "select seq, occurred_at, actor, action, subject, account_id, account_upn, run_id, result,"
          + " reason, after_state from audit_entry where incident_id = :incident and seq > :after"
          + " and action not in ('step.changed', 'account.containment') order by seq limit :limit";

  @Inject EntityManager entityManager;

  public List<TimelineEntry> page(String incidentId, long afterSeq, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(SQL)
            .setParameter("incident", incidentId)
            .setParameter("after", afterSeq)
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream().map(IncidentTimelineStore::entry).toList();
  }

  private static TimelineEntry entry(Object[] row) {
    return new TimelineEntry(
        ((Number) row[0]).longValue(),
        instant(row[1]),
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (String) row[7],
        (String) row[8],
        (String) row[9],
        (String) row[10]);
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return ((OffsetDateTime) value).toInstant();
  }
}
