package io.cordon.commons.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cordon.tracing")
public interface TracingConfig {
  /**
   * Put account UPNs on spans as {@code cordon.account.upn}; off because a UPN is personal data.
   */
  @WithDefault("false")
  boolean includeUpn();
}
