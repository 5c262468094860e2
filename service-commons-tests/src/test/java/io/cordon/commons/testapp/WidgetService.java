package io.cordon.commons.testapp;

import io.cordon.commons.outbox.Outbox;
import io.cordon.contracts.events.RemediationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Creates widgets and announces them; can fail after publishing to prove the rollback path. */
@ApplicationScoped
public class WidgetService {
  public static final String TOPIC = "commons-test.widget-events";

  @Inject Outbox outbox;

  @Transactional
  public String create(String name, boolean failAfterPublish) {
    Widget widget = new Widget();
    widget.id = UUID.randomUUID();
    widget.name = name;
    widget.persist();
    RemediationEvent event = created(widget);
    outbox.publish(TOPIC, widget.id.toString(), event);
    if (failAfterPublish) {
      throw new IllegalStateException("failing after publish on purpose");
    }
    return event.eventId();
  }

  static RemediationEvent created(Widget widget) {
    return new RemediationEvent(
        RemediationEvent.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        widget.id.toString(),
        "incident-" + widget.name,
        "WIDGET_CREATED",
        null,
        null,
        null,
        null,
        widget.name,
        Instant.now());
  }
}
