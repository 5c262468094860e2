package io.cordon.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<DeliveryEntity, UUID> {

  /**
   * Locks up to {@code limit} due deliveries, earliest first. Rows another instance holds are
   * skipped rather than waited for, so instances share the work instead of queueing on each other.
   */
  @SuppressWarnings("unchecked")
  public List<DeliveryEntity> lockDue(Instant now, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "select * from delivery where status = 'PENDING' and next_attempt_at <= :now"
                + " order by next_attempt_at limit :limit for update skip locked",
            DeliveryEntity.class)
        .setParameter("now", now)
        .setParameter("limit", limit)
        .getResultList();
  }

  /** The delivery, locked until the transaction ends: recording an attempt is serialised. */
  public Optional<DeliveryEntity> lock(UUID id) {
    return Optional.ofNullable(
        getEntityManager().find(DeliveryEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  public List<DeliveryEntity> ofNotices(Collection<UUID> noticeIds) {
    if (noticeIds.isEmpty()) {
      return List.of();
    }
    return list("noticeId in ?1 order by channel, recipient", noticeIds);
  }

  /** Deliveries of the notice, locked: a redelivery must not race an attempt being recorded. */
  public List<DeliveryEntity> lockOfNotice(UUID noticeId) {
    return find("noticeId = ?1 order by channel, recipient", noticeId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }
}
