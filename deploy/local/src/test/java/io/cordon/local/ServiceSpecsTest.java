package io.cordon.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSpecsTest {
  @TempDir Path work;

  @Test
  void servicesListenOnLoopbackOnlyAndOnlyTheLauncherAllowsDevSignIn() throws Exception {
    StackOptions options =
        StackOptions.defaults(work).withPorts(StackOptions.Ports.defaults(), work);
    ServiceSpecs specs =
        new ServiceSpecs(
            options,
            LocalTls.create(work.resolve("tls")),
            DevTokens.create(work.resolve("keys")),
            "localhost:1",
            "localhost:2");

    assertThat(specs.playbookService().properties())
        .containsEntry("quarkus.http.host", "127.0.0.1")
        .containsEntry("cordon.dashboard.dev-sign-in.enabled", "true")
        .containsEntry("cordon.dashboard.dev-sign-in.local-stack", "true");
    for (ManagedProcess.ProcessSpec other :
        java.util.List.of(specs.accountService(), specs.notificationService(), specs.simulator())) {
      assertThat(other.properties())
          .as(other.name())
          .containsEntry("quarkus.http.host", "127.0.0.1")
          .doesNotContainKey("cordon.dashboard.dev-sign-in.local-stack");
    }
  }

  @Test
  void servicesRequireTheLocalAudienceAndOnlyTheLauncherLetsThemTrustTheLocalIssuer()
      throws Exception {
    StackOptions options =
        StackOptions.defaults(work).withPorts(StackOptions.Ports.defaults(), work);
    DevTokens tokens = DevTokens.create(work.resolve("keys"));
    ServiceSpecs specs =
        new ServiceSpecs(
            options, LocalTls.create(work.resolve("tls")), tokens, "localhost:1", "localhost:2");

    for (ManagedProcess.ProcessSpec service :
        java.util.List.of(
            specs.accountService(), specs.playbookService(), specs.notificationService())) {
      assertThat(service.properties())
          .as(service.name())
          .containsEntry("mp.jwt.verify.issuer", "https://cordon.local/dev")
          .containsEntry("mp.jwt.verify.audiences", DevTokens.AUDIENCE)
          .containsEntry("cordon.security.token.local-stack", "true")
          // off in the jars' own defaults, on for the local stack's loopback-only ports
          .containsEntry("quarkus.swagger-ui.enable", "true");
    }
    // dev sign-in signs as its default issuer, the local one: the launcher does not override it
    assertThat(specs.playbookService().properties())
        .doesNotContainKey("cordon.dashboard.dev-sign-in.issuer");

    String[] parts = tokens.token("ada.admin@cordon.local", "admin").split("\\.");
    String claims =
        new String(
            java.util.Base64.getUrlDecoder().decode(parts[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(claims)
        .contains("\"aud\"")
        .contains(DevTokens.AUDIENCE)
        .contains("\"roles\":[\"admin\"]")
        .doesNotContain("groups");
  }

  @Test
  void theSigningKeyIsReadableByItsOwnerOnly() throws Exception {
    Path keys = work.resolve("keys");
    Files.createDirectories(keys);
    // a key left by an earlier start with loose permissions is replaced, not reused
    Files.writeString(keys.resolve("jwt-private.pem"), "old");
    Files.setPosixFilePermissions(
        keys.resolve("jwt-private.pem"), PosixFilePermissions.fromString("rw-r--r--"));

    DevTokens tokens = DevTokens.create(keys);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.privateKeyPem())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(tokens.privateKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void onlyPlaybookServiceGetsTheActionSigningKeyAndAccountServiceItsPublicHalf() throws Exception {
    StackOptions options =
        StackOptions.defaults(work).withPorts(StackOptions.Ports.defaults(), work);
    ServiceSpecs specs =
        new ServiceSpecs(
            options,
            LocalTls.create(work.resolve("tls")),
            DevTokens.create(work.resolve("keys")),
            "localhost:1",
            "localhost:2");

    Path privateKey =
        Path.of(specs.playbookService().properties().get("cordon.action-signing.key-file"));
    Path publicFolder =
        Path.of(specs.accountService().properties().get("cordon.action-signing.public-key-folder"));
    String keyId = specs.playbookService().properties().get("cordon.action-signing.key-id");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
        .isEqualTo("rw-------");
    // the pair matches: what playbook-service signs, account-service verifies
    io.cordon.contracts.signing.ActionVerifier verifier =
        new io.cordon.contracts.signing.ActionVerifier(
            io.cordon.contracts.signing.SigningKeys.readPublicFolder(publicFolder));
    io.cordon.contracts.events.ActionRequested signed =
        new io.cordon.contracts.signing.ActionSigner(
                keyId, io.cordon.contracts.signing.SigningKeys.readPrivate(privateKey))
            .sign(
                new io.cordon.contracts.events.ActionRequested(
                    1,
                    "e",
                    "a",
                    "r",
                    "s",
                    new io.cordon.contracts.events.AccountRef("o", "u@x", "t"),
                    io.cordon.contracts.ActionType.REVOKE_SESSIONS,
                    java.util.Map.of(),
                    java.time.Instant.now(),
                    null));
    assertThat(verifier.verify(signed))
        .isEqualTo(io.cordon.contracts.signing.ActionVerifier.Verdict.VALID);
    for (ManagedProcess.ProcessSpec other :
        java.util.List.of(specs.accountService(), specs.notificationService(), specs.simulator())) {
      assertThat(other.properties().values())
          .as(other.name())
          .doesNotContain(privateKey.toString());
    }
  }
}
