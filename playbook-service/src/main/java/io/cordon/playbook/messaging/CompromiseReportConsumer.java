package io.cordon.playbook.messaging;

import io.cordon.commons.inbox.ProcessedEvents;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.json.EventJson;
import io.cordon.playbook.service.run.RunStarter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Starts (or extends, chunk by chunk) the run of each compromise report. One report chunk per
 * transaction: a chunk holds up to 500 accounts, which is already a good batch.
 */
@ApplicationScoped
public class CompromiseReportConsumer {
  static final String CONSUMER = "playbook-service.compromise-reports";
  private static final Logger LOG = Logger.getLogger(CompromiseReportConsumer.class);

  @Inject ProcessedEvents processedEvents;
  @Inject RunStarter starter;

  @Incoming("compromise-reports")
  @Blocking
  @Transactional
  public void consume(String payload) {
    CompromiseReported report;
    try {
      report = EventJson.read(payload, CompromiseReported.class);
    } catch (EventFormatException e) {
      // no version of this service can act on it: keep the partition moving
      LOG.errorf("Dropping unreadable CompromiseReported: %s", e.getMessage());
      return;
    }
    if (processedEvents.firstDelivery(CONSUMER, report.eventId())) {
      starter.fromReport(report);
    }
  }
}
