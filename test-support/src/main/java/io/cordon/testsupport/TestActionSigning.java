package io.cordon.testsupport;

import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.signing.ActionSigner;
import io.cordon.contracts.signing.SigningKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;

/**
 * Test-only Ed25519 keys that play playbook-service's action signing key: {@code cordon-test} (the
 * current key) and {@code cordon-next} (a rotation's second key). account-service's tests trust the
 * public halves (its src/test/resources/action-signing); nothing outside tests trusts either.
 */
public final class TestActionSigning {
  public static final String CURRENT_KEY_ID = "cordon-test";
  public static final String NEXT_KEY_ID = "cordon-next";

  private TestActionSigning() {}

  /** Signs as playbook-service does, with the current test key. */
  public static ActionRequested sign(ActionRequested request) {
    return signer(CURRENT_KEY_ID).sign(request);
  }

  public static ActionSigner signer(String keyId) {
    return new ActionSigner(keyId, privateKey(keyId));
  }

  private static PrivateKey privateKey(String keyId) {
    String resource = "action-signing/" + keyId + ".key";
    try (InputStream in = TestActionSigning.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + resource);
      }
      return SigningKeys.privateFromPem(
          new String(in.readAllBytes(), StandardCharsets.US_ASCII), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
