package io.cordon.playbook.messaging;

import io.cordon.commons.inbox.ProcessedEvents;
import io.cordon.commons.inbox.ResilientConsumption;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.playbook.service.run.RunStarter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Starts (or extends, chunk by chunk) the run of each compromise report. One report chunk per
 * transaction: a chunk holds up to 500 accounts, which is already a good batch. The processed-event
 * mark commits with the run, so a redelivered chunk starts nothing twice.
 */
@ApplicationScoped
public class CompromiseReportConsumer {
  static final String CONSUMER = "playbook-service.compromise-reports";

  @Inject ProcessedEvents processedEvents;
  @Inject RunStarter starter;
  @Inject ResilientConsumption consumption;

  @Incoming("compromise-reports")
  @Blocking
  public void consume(String payload) {
    consumption.consume(
        CONSUMER,
        payload,
        message ->
            processedEvents.handleOnce(
                CONSUMER, message, CompromiseReported.class, starter::fromReport));
  }
}
