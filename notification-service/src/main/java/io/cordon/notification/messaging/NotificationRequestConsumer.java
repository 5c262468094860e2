package io.cordon.notification.messaging;

import io.cordon.commons.inbox.ProcessedEvents;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.json.EventJson;
import io.cordon.notification.service.NoticeService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes NotificationRequested from {@code cordon.partner-notifications}. The processed-event mark
 * and the notices commit together, so a redelivered event (same event id) makes nothing new.
 */
@ApplicationScoped
public class NotificationRequestConsumer {
  static final String CONSUMER = "notification-service.partner-notifications";
  private static final Logger LOG = Logger.getLogger(NotificationRequestConsumer.class);

  @Inject ProcessedEvents processedEvents;
  @Inject NoticeService notices;

  @Incoming("partner-notifications")
  @Blocking
  @Transactional
  public void consume(String payload) {
    NotificationRequested request;
    try {
      request = EventJson.read(payload, NotificationRequested.class);
    } catch (EventFormatException e) {
      // a message no version of this service can act on: keep the partition moving
      LOG.errorf("Dropping unreadable NotificationRequested: %s", e.getMessage());
      return;
    }
    if (!processedEvents.firstDelivery(CONSUMER, request.eventId())) {
      LOG.debugf("NotificationRequested %s was processed before", request.eventId());
      return;
    }
    notices.open(request);
  }
}
