package io.cordon.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * ISSUE_TEMPORARY_ACCESS_PASS: the pass Cordon asks Graph for, and the key that seals it at rest
 * (docs/security.md "Temporary Access Pass").
 */
@ConfigMapping(prefix = "cordon.temporary-access-pass")
public interface TemporaryAccessPassConfig {
  /**
   * The pass's lifetime ({@code lifetimeInMinutes}: Graph accepts 10 minutes to 30 days, and the
   * tenant's Temporary Access Pass policy may bound it further).
   */
  @WithDefault("60m")
  Duration lifetime();

  /** {@code isUsableOnce}: a pass that signs in once (a multi-use pass needs the tenant policy). */
  @WithDefault("true")
  boolean usableOnce();

  /**
   * The AES-256 key (32 bytes, base64) that seals passes in the database. Without it no pass is
   * issued: the action ends REQUIRES_MANUAL before calling Graph. Never logged.
   */
  Optional<String> sealKey();

  /** Names the key in each sealed row, so that a rotated key can tell its own rows apart. */
  @WithDefault("1")
  String sealKeyId();
}
