package io.cordon.playbook.messaging;

import io.cordon.commons.audit.AuditCause;
import io.cordon.commons.inbox.ProcessedEvents;
import io.cordon.commons.inbox.ResilientConsumption;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.NotificationResult;
import io.cordon.contracts.events.NotificationResultsEvent;
import io.cordon.contracts.kafka.NotificationResultsEventDeserializer;
import io.cordon.playbook.service.run.DeliveryWait;
import io.cordon.playbook.service.run.PartnerDeliveries;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes notification-service's final delivery outcomes (NotificationDelivered / NotificationFailed,
 * one per partner and channel) onto the runs whose notify steps asked for the notices, and what
 * each request opened (NoticesOpened), which the notify step waits on with them. One result per
 * transaction: they come a few per run. The processed-event mark commits with the state it
 * recorded, so a redelivered event counts once.
 */
@ApplicationScoped
public class NotificationResultConsumer {
  static final String CONSUMER = "playbook-service.notification-results";
  private static final Logger LOG = Logger.getLogger(NotificationResultConsumer.class);
  private static final NotificationResultsEventDeserializer RESULTS =
      new NotificationResultsEventDeserializer();

  @Inject ProcessedEvents processedEvents;
  @Inject PartnerDeliveries deliveries;
  @Inject DeliveryWait deliveryWait;
  @Inject ResilientConsumption consumption;

  @Incoming("notification-results")
  @Blocking
  public void consume(String payload) {
    consumption.consume(CONSUMER, payload, this::apply);
  }

  private void apply(String payload) {
    NotificationResultsEvent result;
    try {
      // the topic carries three event types; the contracts' deserialiser tells them apart
      result =
          RESULTS.deserialize(
              Topics.NOTIFICATION_RESULTS, payload.getBytes(StandardCharsets.UTF_8));
    } catch (EventFormatException e) {
      LOG.errorf("%s dropped an unreadable notification result: %s", CONSUMER, e.getMessage());
      return;
    }
    if (result == null) {
      return; // a record without a value says nothing
    }
    if (!processedEvents.firstDelivery(CONSUMER, result.eventId())) {
      LOG.debugf("%s already processed %s", CONSUMER, result.eventId());
      return;
    }
    AuditCause.during(result.eventId(), () -> record(result));
  }

  private void record(NotificationResultsEvent event) {
    if (event instanceof NoticesOpened opened) {
      deliveryWait.opened(opened);
    } else if (event instanceof NotificationResult result) {
      deliveries.record(result);
      deliveryWait.resultRecorded(result);
    }
  }
}
