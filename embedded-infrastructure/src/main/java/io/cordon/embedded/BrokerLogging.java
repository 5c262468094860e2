package io.cordon.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.logmanager.LogContext;

/** Keeps the in-process broker's INFO chatter out of test output. */
final class BrokerLogging {

  private static final List<String> CATEGORIES =
      List.of("org.apache.kafka", "kafka", "state.change.logger");

  // levels live on logger objects that may be collected once unreferenced
  private static final List<Logger> QUIETED = new ArrayList<>();

  private BrokerLogging() {}

  static synchronized void quiet() {
    for (String category : CATEGORIES) {
      Logger logger = LogContext.getLogContext().getLogger(category);
      logger.setLevel(Level.WARNING);
      QUIETED.add(logger);
    }
  }
}
