package io.cordon.playbook.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * The key playbook-service signs every ActionRequested with; account-service holds only the public
 * half and runs no request it cannot verify (docs/security.md "Signed action requests").
 */
@ConfigMapping(prefix = "cordon.action-signing")
public interface ActionSigningConfig {

  /**
   * Names the key; account-service finds the public half as {@code <keyId>.pem} in its key folder.
   */
  String keyId();

  /**
   * A PKCS#8 Ed25519 private key in PEM ({@code openssl genpkey -algorithm ed25519}), readable by
   * this service's user only (0400 or 0600).
   */
  Path keyFile();
}
