package io.cordon.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much a detector (a machine, not a person) may set in motion without a person's release. */
@ConfigMapping(prefix = "cordon.detections.blast-radius")
public interface BlastRadiusConfig {
  /** A detection naming more accounts than this waits for a person. */
  @WithDefault("25")
  int maxAccounts();
}
