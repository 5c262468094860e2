package io.cordon.account.executor;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Two Entra tenants on one WireMock: contoso (the default, Graph at {@code /v1.0}, the shared app)
 * and fabrikam (Graph at {@code /fabrikam/v1.0}, its own app registration and a small budget). Each
 * has its own token endpoint ({@code /<tenant-id>/oauth2/v2.0/token}).
 */
public class MultiTenantProfile implements QuarkusTestProfile {
  static final String CONTOSO_ID = "c0c0c0c0-0000-4000-8000-00000000c0c0";
  static final String FABRIKAM_ID = "fabfabfa-0000-4000-8000-00000000fab0";
  static final String FABRIKAM_PATH = "/fabrikam/v1.0";

  /** What the platform would project into the pod: a signed token Entra trusts by federation. */
  static final String CONTOSO_FEDERATED_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjb3Jkb24ifQ.c2ln";

  static final Path FEDERATED_TOKEN_FILE = federatedTokenFile();

  private static Path federatedTokenFile() {
    try {
      Path file = Files.createTempFile("cordon-federated-token", ".jwt");
      Files.writeString(file, CONTOSO_FEDERATED_TOKEN);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    String http = "${cordon.test.graph-wiremock.http-url}";
    String https = "${cordon.test.graph-wiremock.https-url}";
    return Map.ofEntries(
        Map.entry("cordon.graph.tenants.contoso.tenant-id", CONTOSO_ID),
        Map.entry("cordon.graph.tenants.contoso.base-url", http + "/v1.0"),
        Map.entry("cordon.graph.tenants.contoso.authority-host", https),
        Map.entry("cordon.graph.tenants.contoso.domains", "contoso.example,shared.example"),
        Map.entry("cordon.graph.tenants.contoso.default", "true"),
        // contoso signs in as a workload identity, fabrikam with its own secret
        Map.entry(
            "cordon.graph.tenants.contoso.federated-token-file", FEDERATED_TOKEN_FILE.toString()),
        Map.entry("cordon.graph.tenants.fabrikam.tenant-id", FABRIKAM_ID),
        Map.entry("cordon.graph.tenants.fabrikam.base-url", http + FABRIKAM_PATH),
        Map.entry("cordon.graph.tenants.fabrikam.authority-host", https),
        Map.entry("cordon.graph.tenants.fabrikam.client-id", "fabrikam-app"),
        Map.entry("cordon.graph.tenants.fabrikam.client-secret", "fabrikam-secret-not-real"),
        Map.entry("cordon.graph.tenants.fabrikam.tenant-size", "small"),
        // fabrikam's other domains come from Graph (GET /domains); shared.example is both tenants'
        Map.entry("cordon.graph.tenants.fabrikam.domains", "shared.example"),
        // a protected group: an action's account never resolved here has its memberships read
        // (in its own tenant) before anything is sent
        Map.entry("cordon.protection.groups", "9a9a9a9a-0000-4000-8000-000000009a9a"));
  }
}
