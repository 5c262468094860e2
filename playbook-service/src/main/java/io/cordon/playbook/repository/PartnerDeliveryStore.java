package io.cordon.playbook.repository;

import io.cordon.contracts.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Partner delivery results of runs' notify steps (table {@code partner_delivery}). */
@ApplicationScoped
public class PartnerDeliveryStore {
  @Inject EntityManager entityManager;

  /** A result for one partner and channel of a notify step. */
  public record Result(
      String notificationId,
      String partnerId,
      String channel,
      String state,
      int attempts,
      Instant at,
      String reason,
      String eventId) {}

  /** The run-level notify step whose actionId is {@code notificationId}, if this service has it. */
  public Optional<StepExecutionEntity> notifyStep(String notificationId) {
    return StepExecutionEntity.<StepExecutionEntity>find(
            "actionId = ?1 and objectId is null and action = ?2",
            notificationId,
            ActionType.NOTIFY_PARTNERS.name())
        .firstResultOptional();
  }

  /**
   * Keeps {@code result} as the partner's delivery state unless the row already holds a later one:
   * events can arrive out of order (a redelivered older result after a newer one), and the result
   * with the later time wins; at the same time, the one with more attempts. One statement, so two
   * consumers recording results of the same partner at once cannot both win.
   *
   * @return whether the row changed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean record(String runId, String stepId, Result result, Instant now) {
    return entityManager
            .createNativeQuery(
                "insert into partner_delivery (notification_id, partner_id, channel, run_id,"
                    + " step_id, state, attempts, at, reason, event_id, updated_at)"
                    + " values (:notification, :partner, :channel, :run, :step, :state,"
                    + " :attempts, :at, cast(:reason as varchar), :event, :now)"
                    + " on conflict (notification_id, partner_id, channel) do update set"
                    + " state = excluded.state, attempts = excluded.attempts, at = excluded.at,"
                    + " reason = excluded.reason, event_id = excluded.event_id,"
                    + " updated_at = excluded.updated_at"
                    + " where partner_delivery.at < excluded.at"
                    + " or (partner_delivery.at = excluded.at"
                    + " and partner_delivery.attempts < excluded.attempts)")
            .setParameter("notification", result.notificationId())
            .setParameter("partner", result.partnerId())
            .setParameter("channel", result.channel())
            .setParameter("run", runId)
            .setParameter("step", stepId)
            .setParameter("state", result.state())
            .setParameter("attempts", result.attempts())
            // stored at the database's precision, so the comparison above sees what was stored
            .setParameter("at", result.at().truncatedTo(ChronoUnit.MICROS))
            .setParameter("reason", result.reason())
            .setParameter("event", result.eventId())
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** A page of a run's delivery results in the order they first arrived. */
  public List<PartnerDeliveryEntity> page(String runId, long afterId, int limit) {
    return PartnerDeliveryEntity.<PartnerDeliveryEntity>find(
            "runId = ?1 and id > ?2 order by id", runId, afterId)
        .page(0, limit)
        .list();
  }
}
