package io.cordon.account.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * The public keys that verify playbook-service's signature on each ActionRequested; account-service
 * runs no request without a valid one (docs/security.md "Signed action requests").
 */
@ConfigMapping(prefix = "cordon.action-signing")
public interface ActionSigningConfig {

  /**
   * A folder of {@code <keyId>.pem} files, each an X.509 Ed25519 public key ({@code openssl pkey
   * -pubout}); during a rotation it holds both the old and the new key.
   */
  Path publicKeyFolder();
}
