package io.cordon.contracts.events;

/**
 * playbook-service's Ed25519 signature over an ActionRequested's {@link
 * ActionRequested#signedContent() signed content}; account-service runs only requests it verifies.
 *
 * @param keyId names the public key that verifies it, so keys can be rotated
 * @param value the signature, base64
 */
public record RequestSignature(String keyId, String value) {

  public RequestSignature {
    Check.text(keyId, "RequestSignature", "keyId");
    Check.text(value, "RequestSignature", "value");
  }
}
