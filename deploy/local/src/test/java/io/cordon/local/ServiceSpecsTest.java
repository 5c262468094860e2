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
}
