package io.cordon.commons.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "cordon.outbox")
public interface OutboxConfig {
  /** Rows sent per relay transaction. */
  @WithDefault("200")
  int batchSize();

  /** How long the relay waits for the broker to acknowledge a batch before retrying later. */
  @WithDefault("30s")
  Duration sendTimeout();

  /** How often the relay looks for rows a crash, an outage or another instance left behind. */
  @WithDefault("1s")
  Duration pollInterval();

  /** Relay right after each commit; the poller still picks up whatever a crash left behind. */
  @WithDefault("true")
  boolean relayOnCommit();
}
