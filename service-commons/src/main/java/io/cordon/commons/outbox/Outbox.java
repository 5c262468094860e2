package io.cordon.commons.outbox;

import io.cordon.commons.tracing.TraceContexts;
import io.cordon.contracts.events.CordonEvent;
import io.cordon.contracts.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The only way a service publishes: the event row commits or rolls back with the state change, so
 * an event is never sent for work that did not happen nor lost for work that did.
 */
@ApplicationScoped
public class Outbox {
  @Inject Event<OutboxWritten> written;

  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(String topic, String key, CordonEvent event) {
    OutboxMessage message = new OutboxMessage();
    message.eventId = event.eventId();
    message.eventType = event.eventType();
    message.topic = topic;
    message.messageKey = key;
    message.payload = EventJson.write(event);
    message.createdAt = Instant.now();
    message.traceparent = TraceContexts.current();
    message.persist();
    written.fire(new OutboxWritten(message.eventId));
  }

  /**
   * Sends an event again, e.g. to answer a repeated request from what was recorded: the same event
   * id, so consumers that already have it ignore it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publishAgain(String topic, String key, CordonEvent event) {
    OutboxMessage existing = OutboxMessage.find("eventId", event.eventId()).firstResult();
    if (existing == null) {
      publish(topic, key, event);
      return;
    }
    existing.publishedAt = null;
    written.fire(new OutboxWritten(existing.eventId));
  }
}
