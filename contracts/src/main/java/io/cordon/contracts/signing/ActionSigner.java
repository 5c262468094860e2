package io.cordon.contracts.signing;

import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.RequestSignature;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Signs ActionRequested with playbook-service's private key (docs/security.md). */
public final class ActionSigner {
  private final String keyId;
  private final PrivateKey key;

  public ActionSigner(String keyId, PrivateKey key) {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException("a signing key needs a key id");
    }
    this.keyId = keyId;
    this.key = key;
  }

  public ActionRequested sign(ActionRequested request) {
    try {
      Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
      signature.initSign(key);
      signature.update(request.signedContent());
      return request.withSignature(
          new RequestSignature(keyId, Base64.getEncoder().encodeToString(signature.sign())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with key " + keyId, e);
    }
  }

  public String keyId() {
    return keyId;
  }
}
