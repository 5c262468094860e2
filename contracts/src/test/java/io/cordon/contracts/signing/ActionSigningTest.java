package io.cordon.contracts.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.SampleEvents;
import io.cordon.contracts.events.AccountRef;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.RequestSignature;
import io.cordon.contracts.json.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionSigningTest {
  private final KeyPair current = SigningKeys.generate();
  private final KeyPair previous = SigningKeys.generate();
  private final ActionVerifier verifier =
      new ActionVerifier(Map.of("k2", current.getPublic(), "k1", previous.getPublic()));

  @Test
  void aSignedRequestVerifiesAfterTheJsonRoundTrip() {
    ActionRequested signed = signer("k2", current).sign(SampleEvents.actionRequested());
    ActionRequested read = EventJson.read(EventJson.write(signed), ActionRequested.class);
    assertThat(verifier.verify(read)).isEqualTo(ActionVerifier.Verdict.VALID);
  }

  @Test
  void bothKeysOfARotationVerify() {
    assertThat(verifier.verify(signer("k1", previous).sign(SampleEvents.actionRequested())))
        .isEqualTo(ActionVerifier.Verdict.VALID);
  }

  @Test
  void aChangedFieldBreaksTheSignature() {
    ActionRequested signed = signer("k2", current).sign(SampleEvents.actionRequested());
    ActionRequested otherAction =
        new ActionRequested(
            signed.schemaVersion(),
            signed.eventId(),
            signed.actionId(),
            signed.runId(),
            signed.stepId(),
            signed.account(),
            ActionType.DISABLE_ACCOUNT,
            signed.parameters(),
            signed.requestedAt(),
            signed.signature());
    ActionRequested otherAccount =
        new ActionRequested(
            signed.schemaVersion(),
            signed.eventId(),
            signed.actionId(),
            signed.runId(),
            signed.stepId(),
            new AccountRef("other-id", signed.account().userPrincipalName(), "tenant"),
            signed.action(),
            signed.parameters(),
            signed.requestedAt(),
            signed.signature());
    ActionRequested otherParameters =
        new ActionRequested(
            signed.schemaVersion(),
            signed.eventId(),
            signed.actionId(),
            signed.runId(),
            signed.stepId(),
            signed.account(),
            signed.action(),
            Map.of("forceChangePasswordNextSignInWithMfa", "false"),
            signed.requestedAt(),
            signed.signature());
    assertThat(verifier.verify(otherAction)).isEqualTo(ActionVerifier.Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify(otherAccount)).isEqualTo(ActionVerifier.Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify(otherParameters)).isEqualTo(ActionVerifier.Verdict.BAD_SIGNATURE);
  }

  @Test
  void unsignedForgedAndUnknownKeysAreRefused() {
    KeyPair stranger = SigningKeys.generate();
    assertThat(verifier.verify(SampleEvents.actionRequested()))
        .isEqualTo(ActionVerifier.Verdict.UNSIGNED);
    assertThat(verifier.verify(signer("k2", stranger).sign(SampleEvents.actionRequested())))
        .isEqualTo(ActionVerifier.Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify(signer("k9", stranger).sign(SampleEvents.actionRequested())))
        .isEqualTo(ActionVerifier.Verdict.UNKNOWN_KEY);
    assertThat(
            verifier.verify(
                SampleEvents.actionRequested()
                    .withSignature(new RequestSignature("k2", "not base64!"))))
        .isEqualTo(ActionVerifier.Verdict.BAD_SIGNATURE);
  }

  @Test
  void aSignatureOfTheWrongLengthIsBadNotAnError() {
    String signature =
        signer("k2", current).sign(SampleEvents.actionRequested()).signature().value();
    String shortened =
        java.util.Base64.getEncoder()
            .encodeToString(
                java.util.Arrays.copyOf(java.util.Base64.getDecoder().decode(signature), 63));
    assertThat(
            verifier.verify(
                SampleEvents.actionRequested()
                    .withSignature(new RequestSignature("k2", shortened))))
        .isEqualTo(ActionVerifier.Verdict.BAD_SIGNATURE);
  }

  @Test
  void signaturesAreTheStandardEd25519OnesAnyVerifierAccepts() throws Exception {
    // receivers and auditors may check a request with any RFC 8032 implementation, the JDK's too
    ActionRequested signed = signer("k2", current).sign(SampleEvents.actionRequested());
    java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
    jdk.initSign(current.getPrivate());
    jdk.update(signed.signedContent());
    byte[] jdkSignature = jdk.sign();
    assertThat(java.util.Base64.getDecoder().decode(signed.signature().value()))
        .isEqualTo(jdkSignature);
    jdk.initVerify(current.getPublic());
    jdk.update(signed.signedContent());
    assertThat(jdk.verify(java.util.Base64.getDecoder().decode(signed.signature().value())))
        .isTrue();
  }

  @Test
  void aKeyOfAnotherAlgorithmIsRefusedWhenTheSignerIsMade() throws Exception {
    java.security.KeyPair rsa = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair();
    assertThatThrownBy(() -> new ActionSigner("k3", rsa.getPrivate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an Ed25519 key");
    assertThatThrownBy(() -> new ActionVerifier(Map.of("k3", rsa.getPublic())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an Ed25519 key");
  }

  @Test
  void parametersSignTheSameInAnyOrder() {
    ActionRequested base = SampleEvents.actionRequested();
    Map<String, String> one = new java.util.LinkedHashMap<>();
    one.put("a", "1");
    one.put("b", "2");
    Map<String, String> other = new java.util.LinkedHashMap<>();
    other.put("b", "2");
    other.put("a", "1");
    assertThat(withParameters(base, one).signedContent())
        .isEqualTo(withParameters(base, other).signedContent());
  }

  @Test
  void keyFilesRoundTripAndThePrivateOneIsOwnerOnly(@TempDir Path folder) throws Exception {
    SigningKeys.writePrivate(folder.resolve("signing.key"), current.getPrivate());
    Path publicKeys = Files.createDirectory(folder.resolve("public"));
    SigningKeys.writePublic(publicKeys.resolve("k2.pem"), current.getPublic());
    SigningKeys.writePublic(publicKeys.resolve("k1.pem"), previous.getPublic());

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("signing.key"))))
        .isEqualTo("rw-------");
    ActionSigner signer =
        new ActionSigner("k2", SigningKeys.readPrivate(folder.resolve("signing.key")));
    ActionVerifier fromFolder = new ActionVerifier(SigningKeys.readPublicFolder(publicKeys));
    assertThat(fromFolder.keyIds()).containsExactlyInAnyOrder("k1", "k2");
    assertThat(fromFolder.verify(signer.sign(SampleEvents.actionRequested())))
        .isEqualTo(ActionVerifier.Verdict.VALID);
    Files.writeString(folder.resolve("broken.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n");
    assertThatThrownBy(() -> SigningKeys.readPublic(folder.resolve("broken.pem")))
        .hasMessageContaining("broken.pem")
        .hasMessageNotContaining("AAAA");
  }

  private static ActionSigner signer(String keyId, KeyPair keys) {
    return new ActionSigner(keyId, keys.getPrivate());
  }

  private static ActionRequested withParameters(ActionRequested r, Map<String, String> p) {
    return new ActionRequested(
        r.schemaVersion(),
        r.eventId(),
        r.actionId(),
        r.runId(),
        r.stepId(),
        r.account(),
        r.action(),
        p,
        r.requestedAt(),
        null);
  }
}
