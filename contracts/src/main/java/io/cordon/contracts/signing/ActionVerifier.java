package io.cordon.contracts.signing;

import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.RequestSignature;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Checks an ActionRequested's signature against the trusted public keys, by key id: during a
 * rotation both the old and the new key are trusted. Every action account-service takes is checked,
 * so it verifies with Bouncy Castle's Ed25519 (see {@link ActionSigner}).
 */
public final class ActionVerifier {
  /** Why a request is, or is not, trusted; {@link #VALID} only when the signature checks out. */
  public enum Verdict {
    VALID,
    UNSIGNED,
    UNKNOWN_KEY,
    BAD_SIGNATURE
  }

  private final Map<String, Ed25519PublicKeyParameters> keys;

  public ActionVerifier(Map<String, PublicKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no public key to verify action requests with");
    }
    Map<String, Ed25519PublicKeyParameters> converted = new HashMap<>();
    keys.forEach((keyId, key) -> converted.put(keyId, Ed25519Keys.publicParameters(key)));
    this.keys = Map.copyOf(converted);
  }

  public Verdict verify(ActionRequested request) {
    RequestSignature signed = request.signature();
    if (signed == null) {
      return Verdict.UNSIGNED;
    }
    Ed25519PublicKeyParameters key = keys.get(signed.keyId());
    if (key == null) {
      return Verdict.UNKNOWN_KEY;
    }
    byte[] value;
    try {
      value = Base64.getDecoder().decode(signed.value());
    } catch (IllegalArgumentException e) {
      return Verdict.BAD_SIGNATURE;
    }
    byte[] content = request.signedContent();
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(content, 0, content.length);
    // false also for a value that is not 64 bytes long
    return verifier.verifySignature(value) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
  }

  public Set<String> keyIds() {
    return keys.keySet();
  }
}
