package io.cordon.commons.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Anchoring the audit chain outside the database (docs/operations.md "Audit anchors"). */
@ConfigMapping(prefix = "cordon.audit.anchor")
public interface AuditAnchorConfig {
  /**
   * The HMAC-SHA256 key anchors are signed with: at least 32 random bytes, base64. Never in the
   * database; without it the service does not start (quarkus:dev and tests have their own).
   */
  Optional<String> key();

  /** How often the head is published (also on every incident close); unchanged heads are not. */
  @WithDefault("5m")
  Duration interval();

  /** How long reading the latest anchor back from the topic may take. */
  @WithDefault("10s")
  Duration readTimeout();
}
