package io.cordon.commons.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a Kafka consumer retries in place instead of stopping its channel. */
@ConfigMapping(prefix = "cordon.inbox.retry")
public interface ConsumerRetryConfig {
  /** Wait before the second attempt; doubled after each failed attempt. */
  @WithDefault("200ms")
  Duration initialBackoff();

  /** Longest wait between attempts while the database stays away. */
  @WithDefault("5s")
  Duration maxBackoff();

  /**
   * Attempts for a failure that is not transient (a bug, a constraint) before the message is
   * parked; transient failures (the database away) are retried for as long as they last.
   */
  @WithDefault("3")
  int permanentAttempts();
}
