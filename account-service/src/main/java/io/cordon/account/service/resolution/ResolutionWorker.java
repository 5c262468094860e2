package io.cordon.account.service.resolution;

import io.cordon.account.config.ExecutorConfig;
import io.cordon.account.service.intake.ReportAccepted;
import io.cordon.commons.worker.PollingWorkers;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Runs resolution rounds in the background; intake wakes it after a report commits. */
@ApplicationScoped
public class ResolutionWorker {
  @Inject ExecutorConfig config;
  @Inject ResolutionService resolution;

  private PollingWorkers workers;

  void start(@Observes StartupEvent event) {
    if (config.enabled()) {
      workers =
          new PollingWorkers(
              "cordon-resolution",
              config.resolutionWorkers(),
              config.idlePoll(),
              resolution::resolveOnce);
      workers.start();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (workers != null) {
      workers.stop();
    }
  }

  void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportAccepted report) {
    wakeUp();
  }

  public void wakeUp() {
    if (workers != null) {
      workers.wakeUp();
    }
  }
}
