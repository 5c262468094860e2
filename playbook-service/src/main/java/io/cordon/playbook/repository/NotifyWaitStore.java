package io.cordon.playbook.repository;

import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.OpenedNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a notify step waits for (tables {@code notify_wait}, {@code notify_wait_notice}): the
 * partners and channels notification-service opened notices on, each matched with its result in
 * {@code partner_delivery}.
 */
@ApplicationScoped
public class NotifyWaitStore {
  @Inject EntityManager entityManager;

  /** One opened notice and where its delivery stands; {@code state} null while no result came. */
  public record Notice(
      String partnerId, String partnerName, String channel, String state, String reason) {
    public boolean settled() {
      return state != null;
    }
  }

  /**
   * Keeps what the request opened, unless it is already kept (a repeated event).
   *
   * @return whether it was new
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean open(String runId, String stepId, NoticesOpened opened, Instant now) {
    int inserted =
        entityManager
            .createNativeQuery(
                "insert into notify_wait (notification_id, run_id, step_id, notices, event_id,"
                    + " opened_at, received_at) values (:notification, :run, :step, :notices,"
                    + " :event, :opened, :now) on conflict (notification_id) do nothing")
            .setParameter("notification", opened.notificationId())
            .setParameter("run", runId)
            .setParameter("step", stepId)
            .setParameter("notices", opened.notices().size())
            .setParameter("event", opened.eventId())
            .setParameter("opened", opened.openedAt().truncatedTo(ChronoUnit.MICROS))
            .setParameter("now", now)
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    for (OpenedNotice notice : opened.notices()) {
      entityManager
          .createNativeQuery(
              "insert into notify_wait_notice (notification_id, partner_id, partner_name, channel)"
                  + " values (:notification, :partner, :name, :channel) on conflict do nothing")
          .setParameter("notification", opened.notificationId())
          .setParameter("partner", notice.partnerId())
          .setParameter("name", notice.partnerName())
          .setParameter("channel", notice.channel())
          .executeUpdate();
    }
    return true;
  }

  /** Whether notification-service told what the request opened. */
  public boolean opened(String notificationId) {
    return ((Number)
                entityManager
                    .createNativeQuery(
                        "select count(*) from notify_wait where notification_id = :notification")
                    .setParameter("notification", notificationId)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  /** The notices the request opened with their delivery state, by partner name and channel. */
  @SuppressWarnings("unchecked")
  public List<Notice> notices(String notificationId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select n.partner_id, n.partner_name, n.channel, d.state, d.reason"
                    + " from notify_wait_notice n left join partner_delivery d"
                    + " on d.notification_id = n.notification_id and d.partner_id = n.partner_id"
                    + " and d.channel = n.channel where n.notification_id = :notification"
                    + " order by n.partner_name, n.partner_id, n.channel")
            .setParameter("notification", notificationId)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Notice(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4]))
        .toList();
  }
}
