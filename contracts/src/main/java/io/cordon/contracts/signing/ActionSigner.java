package io.cordon.contracts.signing;

import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.RequestSignature;
import java.security.PrivateKey;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs ActionRequested with playbook-service's private key (docs/security.md). Every action a run
 * asks for is signed, so the signature sits on the engine's hot path: it is made with Bouncy
 * Castle's Ed25519, about ten times faster than the JDK 17 provider's and byte for byte the same
 * signature (RFC 8032 signing is deterministic).
 */
public final class ActionSigner {
  private final String keyId;
  private final Ed25519PrivateKeyParameters key;

  public ActionSigner(String keyId, PrivateKey key) {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException("a signing key needs a key id");
    }
    this.keyId = keyId;
    this.key = Ed25519Keys.privateParameters(key);
  }

  public ActionRequested sign(ActionRequested request) {
    byte[] content = request.signedContent();
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(content, 0, content.length);
    return request.withSignature(
        new RequestSignature(
            keyId, Base64.getEncoder().encodeToString(signer.generateSignature())));
  }

  public String keyId() {
    return keyId;
  }
}
