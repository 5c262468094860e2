package io.cordon.contracts.signing;

import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.RequestSignature;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * Checks an ActionRequested's signature against the trusted public keys, by key id: during a
 * rotation both the old and the new key are trusted.
 */
public final class ActionVerifier {
  /** Why a request is, or is not, trusted; {@link #VALID} only when the signature checks out. */
  public enum Verdict {
    VALID,
    UNSIGNED,
    UNKNOWN_KEY,
    BAD_SIGNATURE
  }

  private final Map<String, PublicKey> keys;

  public ActionVerifier(Map<String, PublicKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no public key to verify action requests with");
    }
    this.keys = Map.copyOf(keys);
  }

  public Verdict verify(ActionRequested request) {
    RequestSignature signed = request.signature();
    if (signed == null) {
      return Verdict.UNSIGNED;
    }
    PublicKey key = keys.get(signed.keyId());
    if (key == null) {
      return Verdict.UNKNOWN_KEY;
    }
    try {
      Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
      signature.initVerify(key);
      signature.update(request.signedContent());
      return signature.verify(Base64.getDecoder().decode(signed.value()))
          ? Verdict.VALID
          : Verdict.BAD_SIGNATURE;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // not base64, or not a signature of Ed25519's length
      return Verdict.BAD_SIGNATURE;
    }
  }

  public java.util.Set<String> keyIds() {
    return keys.keySet();
  }
}
