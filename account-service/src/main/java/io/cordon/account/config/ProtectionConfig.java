package io.cordon.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Accounts no automated action may touch, named in configuration (they sit beside the list admins
 * keep over the API and cannot be removed through it), and the bounds of an override.
 */
@ConfigMapping(prefix = "cordon.protection")
public interface ProtectionConfig {
  /** Object ids of users, e.g. the break-glass accounts. */
  Optional<List<String>> accounts();

  /** Object ids of groups whose members (transitive, as resolved) are protected. */
  Optional<List<String>> groups();

  /** The longest an approved override may last. */
  @WithDefault("240")
  int overrideMaxMinutes();
}
