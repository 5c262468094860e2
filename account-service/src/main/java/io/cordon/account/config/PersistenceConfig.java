package io.cordon.account.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/**
 * Removal of what an attacker may have left to come back with: app credentials, consents, devices.
 */
@ConfigMapping(prefix = "cordon.persistence")
public interface PersistenceConfig {
  /**
   * The appIds whose app role assignments and delegated grants REMOVE_APP_CONSENTS keeps. None by
   * default, Microsoft's own apps included: a grant to Graph Explorer or the Graph command line
   * tools is a consent the user made, and one an attacker asks for.
   */
  Optional<Set<String>> allowedAppIds();
}
