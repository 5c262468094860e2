package io.cordon.local;

import io.cordon.contracts.signing.SigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * The Ed25519 pair playbook-service signs ActionRequested with, fresh for each stack start: the
 * private half (0600) for playbook-service, the public half in a folder of its own for
 * account-service, as the Kubernetes manifests mount them.
 */
record ActionSigningKeys(String keyId, Path privateKey, Path publicKeyFolder) {
  static final String KEY_ID = "local";

  static ActionSigningKeys create(Path folder) {
    try {
      KeyPair keys = SigningKeys.generate();
      Path publicFolder = Files.createDirectories(folder.resolve("action-signing-public"));
      Path privateKey = folder.resolve("action-signing.key");
      SigningKeys.writePrivate(privateKey, keys.getPrivate());
      // only this start's key: one left by an earlier start is not trusted
      try (var stale = Files.list(publicFolder)) {
        for (Path file : stale.toList()) {
          Files.delete(file);
        }
      }
      SigningKeys.writePublic(publicFolder.resolve(KEY_ID + ".pem"), keys.getPublic());
      return new ActionSigningKeys(KEY_ID, privateKey, publicFolder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the action signing keys to " + folder, e);
    }
  }
}
