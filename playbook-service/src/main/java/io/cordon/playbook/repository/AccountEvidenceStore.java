package io.cordon.playbook.repository;

import io.cordon.contracts.IndicatorType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What reports, detections and manual runs said about accounts. */
@ApplicationScoped
public class AccountEvidenceStore {

  /** Accounts of a report that already have evidence of it (a chunk naming one twice). */
  public Set<String> recorded(String reportId, Collection<String> objectIds) {
    if (reportId == null || objectIds.isEmpty()) {
      return Set.of();
    }
    Set<String> ids = new HashSet<>();
    AccountEvidenceEntity.<AccountEvidenceEntity>find(
            "reportId = ?1 and objectId in ?2", reportId, objectIds)
        .list()
        .forEach(row -> ids.add(row.objectId));
    return ids;
  }

  /**
   * The earliest activity the incident's evidence names for each of these accounts: the earliest of
   * its first sightings and activity times; accounts whose evidence names neither are absent.
   */
  public Map<String, Instant> firstActivity(String incidentId, Collection<String> objectIds) {
    Map<String, Instant> first = new HashMap<>();
    if (objectIds.isEmpty()) {
      return first;
    }
    AccountEvidenceEntity.getEntityManager()
        .createQuery(
            "select e.objectId, min(e.firstSeenAt), min(e.activityAt)"
                + " from AccountEvidenceEntity e"
                + " where e.incidentId = ?1 and e.objectId in ?2"
                + " and (e.firstSeenAt is not null or e.activityAt is not null)"
                + " group by e.objectId",
            Object[].class)
        .setParameter(1, incidentId)
        .setParameter(2, objectIds)
        .getResultList()
        .forEach(
            row -> {
              Instant firstSeen = (Instant) row[1];
              Instant activity = (Instant) row[2];
              first.put(
                  (String) row[0],
                  firstSeen == null || (activity != null && activity.isBefore(firstSeen))
                      ? activity
                      : firstSeen);
            });
    return first;
  }

  /**
   * The indicators the incident's evidence names for each of these accounts: each (type,
   * case-insensitive value) once, as its newest observation, newest first (those with no time
   * last), at most {@code limit} per account. Accounts whose evidence names none are absent.
   */
  public Map<String, List<EvidenceIndicatorRow>> indicators(
      String incidentId, Collection<String> objectIds, int limit) {
    Map<String, List<EvidenceIndicatorRow>> indicators = new HashMap<>();
    if (objectIds.isEmpty()) {
      return indicators;
    }
    // distinct on keeps one row per (account, type, lower(value)): the newest observation, or of
    // equal ones the latest evidence; row_number then caps each account's newest ones
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        AccountEvidenceEntity.getEntityManager()
            .createNativeQuery(
                "select object_id, type, value, observed_at, source from ("
                    + " select d.*, row_number() over (partition by d.object_id"
                    + "   order by d.observed_at desc nulls last, d.evidence_id desc, d.position)"
                    + "   as place"
                    + " from (select distinct on (e.object_id, i.type, lower(i.value))"
                    + "     e.object_id, i.type, i.value, i.observed_at, i.source,"
                    + "     i.evidence_id, i.position"
                    + "   from account_evidence e"
                    + "   join evidence_indicator i on i.evidence_id = e.id"
                    + "   where e.incident_id = :incident and e.object_id in (:ids)"
                    + "   order by e.object_id, i.type, lower(i.value),"
                    + "     i.observed_at desc nulls last, i.evidence_id desc) d"
                    + ") ranked where place <= :limit"
                    + " order by object_id, place")
            .setParameter("incident", incidentId)
            .setParameter("ids", objectIds)
            .setParameter("limit", limit)
            .getResultList();
    for (Object[] row : rows) {
      indicators
          .computeIfAbsent((String) row[0], id -> new ArrayList<>())
          .add(
              new EvidenceIndicatorRow(
                  IndicatorType.valueOf((String) row[1]),
                  (String) row[2],
                  instant(row[3]),
                  (String) row[4]));
    }
    return indicators;
  }

  // PostgreSQL's timestamptz comes back as an OffsetDateTime or a Timestamp, by driver and dialect
  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp " + value.getClass());
  }

  /** Every piece of evidence about an account, oldest first, with its indicators. */
  public List<AccountEvidenceEntity> ofAccount(String objectId) {
    return AccountEvidenceEntity.<AccountEvidenceEntity>find(
            "select distinct e from AccountEvidenceEntity e left join fetch e.indicators"
                + " where e.objectId = ?1 order by e.id",
            objectId)
        .list();
  }

  /** Every piece of evidence filed under an incident, oldest first, with its indicators. */
  public List<AccountEvidenceEntity> ofIncident(String incidentId) {
    return AccountEvidenceEntity.<AccountEvidenceEntity>find(
            "select distinct e from AccountEvidenceEntity e left join fetch e.indicators"
                + " where e.incidentId = ?1 order by e.id",
            incidentId)
        .list();
  }
}
