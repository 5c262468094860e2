package io.cordon.notification.messaging;

import io.cordon.commons.inbox.ProcessedEvents;
import io.cordon.commons.inbox.ResilientConsumption;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.notification.service.NoticeService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes NotificationRequested from {@code cordon.partner-notifications}. The processed-event mark
 * and the notices commit together, so a redelivered event (same event id) makes nothing new.
 */
@ApplicationScoped
public class NotificationRequestConsumer {
  static final String CONSUMER = "notification-service.partner-notifications";

  @Inject ProcessedEvents processedEvents;
  @Inject NoticeService notices;
  @Inject ResilientConsumption consumption;

  @Incoming("partner-notifications")
  @Blocking
  public void consume(String payload) {
    consumption.consume(
        CONSUMER,
        payload,
        message ->
            processedEvents.handleOnce(
                CONSUMER, message, NotificationRequested.class, notices::open));
  }
}
