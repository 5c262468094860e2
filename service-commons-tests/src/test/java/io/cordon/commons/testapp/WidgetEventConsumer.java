package io.cordon.commons.testapp;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.inbox.ProcessedEvents;
import io.cordon.commons.inbox.ResilientConsumption;
import io.cordon.contracts.events.RemediationEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies each widget event once by bumping its incident's counter, the way a real consumer changes
 * state.
 */
@ApplicationScoped
public class WidgetEventConsumer {
  public static final String CONSUMER = "widget-counter";
  @Inject ProcessedEvents processedEvents;
  @Inject EntityManager entityManager;
  @Inject Audit audit;
  @Inject ResilientConsumption consumption;

  @Incoming("widget-events")
  @Blocking
  public void apply(String payload) {
    consumption.consume(
        CONSUMER,
        payload,
        message ->
            processedEvents.handleOnce(CONSUMER, message, RemediationEvent.class, this::count));
  }

  private void count(RemediationEvent event) {
    entityManager
        .createNativeQuery(
            "insert into widget_counter (name, count) values (:name, 1)"
                + " on conflict (name) do update set count = widget_counter.count + 1")
        .setParameter("name", event.incidentId())
        .executeUpdate();
    audit.record(
        AuditEntry.of(AuditKind.NOTICE, "widget.counted", event.runId())
            .withIncident(event.incidentId()));
  }
}
