package io.cordon.playbook.messaging;

import io.cordon.commons.inbox.ProcessedEvents;
import io.cordon.commons.inbox.ResilientConsumption;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.json.EventJson;
import io.cordon.playbook.service.run.CompletionService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes action outcomes a polled batch per transaction: a run over hundreds of accounts answers in
 * bursts, and one transaction per batch keeps the run's lock and counts to one round per burst.
 */
@ApplicationScoped
public class ActionResultConsumer {
  static final String CONSUMER = "playbook-service.action-results";
  private static final Logger LOG = Logger.getLogger(ActionResultConsumer.class);

  @Inject ProcessedEvents processedEvents;
  @Inject CompletionService completions;
  @Inject ResilientConsumption consumption;

  @Incoming("action-results")
  @Blocking
  public void consume(List<String> payloads) {
    consumption.consumeBatch(CONSUMER, payloads, this::apply);
  }

  private void apply(List<String> payloads) {
    List<ActionCompleted> outcomes = new ArrayList<>(payloads.size());
    for (String payload : payloads) {
      try {
        outcomes.add(EventJson.read(payload, ActionCompleted.class));
      } catch (EventFormatException e) {
        LOG.errorf("Dropping unreadable ActionCompleted: %s", e.getMessage());
      }
    }
    // a redelivered outcome (same event id) is recorded once and changes nothing after that; the
    // whole batch is marked in one statement
    Set<String> firstTime =
        processedEvents.firstDeliveries(
            CONSUMER, outcomes.stream().map(ActionCompleted::eventId).toList());
    List<ActionCompleted> fresh =
        outcomes.stream().filter(outcome -> firstTime.remove(outcome.eventId())).toList();
    completions.apply(fresh);
  }
}
