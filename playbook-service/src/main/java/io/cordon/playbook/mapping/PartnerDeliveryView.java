package io.cordon.playbook.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cordon.playbook.repository.PartnerDeliveryEntity;
import java.time.Instant;

/**
 * What became of a run's partner notice for one partner and channel, as notification-service last
 * reported it, for {@code GET /runs/{id}/partner-deliveries}.
 *
 * @param state DELIVERED or FAILED
 * @param at when it was delivered, or when delivery gave up
 * @param reason why delivery gave up; only for FAILED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerDeliveryView(
    String partnerId,
    String channel,
    String state,
    int attempts,
    Instant at,
    String reason,
    String stepId,
    String notificationId) {

  public static PartnerDeliveryView of(PartnerDeliveryEntity row) {
    return new PartnerDeliveryView(
        row.partnerId,
        row.channel,
        row.state,
        row.attempts,
        row.at,
        row.reason,
        row.stepId,
        row.notificationId);
  }
}
