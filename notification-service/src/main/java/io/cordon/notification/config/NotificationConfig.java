package io.cordon.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The {@code cordon.notification.*} settings (DESIGN §4, §10). */
@ConfigMapping(prefix = "cordon.notification")
public interface NotificationConfig {

  /**
   * Allow partner webhooks whose host resolves to private, loopback, link-local or other non-public
   * addresses. Local stack and tests only.
   */
  @WithDefault("false")
  boolean allowPrivateTargets();

  /**
   * Base64 of the 32-byte AES-256 key that encrypts partner webhook secrets at rest. Required: the
   * service refuses to start without it (see {@link SecretEncryptionKey}).
   */
  Optional<String> secretEncryptionKey();
}
