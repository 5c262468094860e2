package io.cordon.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<NoticeEntity, UUID> {

  public boolean exists(UUID partnerId, String notificationId) {
    return count("partnerId = ?1 and notificationId = ?2", partnerId, notificationId) > 0;
  }

  /** The partner's notices about the incident, first notice first. */
  public List<NoticeEntity> forPartnerAndIncident(UUID partnerId, String incidentId) {
    return list("partnerId = ?1 and incidentId = ?2 order by sequence", partnerId, incidentId);
  }

  /** Every notice the partner received, in the order they were made. */
  public List<NoticeEntity> ofPartnerInOrder(UUID partnerId) {
    return list("partnerId = ?1 order by seq", partnerId);
  }

  /** Notices in insertion order after {@code afterSeq}, optionally of one incident. */
  public List<NoticeEntity> page(String incidentId, long afterSeq, int limit) {
    if (incidentId == null) {
      return find("seq > ?1 order by seq", afterSeq).page(0, limit).list();
    }
    return find("incidentId = ?1 and seq > ?2 order by seq", incidentId, afterSeq)
        .page(0, limit)
        .list();
  }
}
