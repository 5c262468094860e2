package io.cordon.account.messaging;

import io.cordon.account.service.execution.ActionDispatcher;
import io.cordon.account.service.intake.ActionIntakeService;
import io.cordon.commons.inbox.ResilientConsumption;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.json.EventJson;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes ActionRequested from the bus into the action ledger, a polled batch per transaction, so a
 * flood of requests reaches the ledger fast enough to leave in full Graph batches.
 */
@ApplicationScoped
public class ActionRequestConsumer {
  static final String CONSUMER = "account-service.account-actions";
  private static final Logger LOG = Logger.getLogger(ActionRequestConsumer.class);

  @Inject ActionIntakeService intake;
  @Inject ActionDispatcher dispatcher;
  @Inject ResilientConsumption consumption;

  @Incoming("account-actions")
  @Blocking
  public void consume(List<String> payloads) {
    consumption.consumeBatch(CONSUMER, payloads, this::accept);
    dispatcher.wakeUp();
  }

  private void accept(List<String> payloads) {
    List<ActionRequested> requests = new ArrayList<>(payloads.size());
    for (String payload : payloads) {
      try {
        requests.add(EventJson.read(payload, ActionRequested.class));
      } catch (EventFormatException e) {
        // a message no version of this service can act on: keep the partition moving
        LOG.errorf("Dropping unreadable ActionRequested: %s", e.getMessage());
      }
    }
    intake.accept(requests);
  }
}
