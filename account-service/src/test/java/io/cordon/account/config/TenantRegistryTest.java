package io.cordon.account.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cordon.account.config.GraphConfig.TenantSize;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tenant registry read through the real configuration mapping, as the service reads it. */
class TenantRegistryTest {

  private static TenantRegistry registry(Map<String, String> properties) {
    return TestTenants.registry(properties);
  }

  @Test
  void singleTenantKeysAreTheOneDefaultTenant() {
    TenantRegistry registry =
        registry(
            Map.of(
                "cordon.graph.tenant-id", "0f0f0000-0000-4000-8000-00000000000a",
                "cordon.graph.client-id", "app",
                "cordon.graph.client-secret", "s3cret",
                "cordon.graph.base-url", "http://localhost:9/v1.0",
                "cordon.graph.authority-host", "https://localhost:8",
                "cordon.graph.tenant-size", "small"));
    GraphTenant only = registry.primary();
    assertEquals(List.of(only), registry.all());
    assertEquals(TenantRegistry.LEGACY_NAME, only.name());
    assertTrue(only.isDefault());
    assertEquals("http://localhost:9/v1.0", only.baseUrl());
    assertEquals("https://localhost:8", only.authorityHost());
    assertEquals("https://graph.microsoft.com/.default", only.scope());
    assertEquals(TenantSize.SMALL, only.size());
    assertEquals(only, registry.byTenantId("0F0F0000-0000-4000-8000-00000000000A").orElseThrow());
    assertFalse(registry.several());
  }

  @Test
  void nationalCloudsGetTheHostsMicrosoftDocuments() {
    Map<String, String> properties = new HashMap<>();
    properties.put("cordon.graph.client-id", "shared-app");
    properties.put("cordon.graph.client-secret", "shared-secret");
    properties.put("cordon.graph.tenants.gov.tenant-id", "t-gov");
    properties.put("cordon.graph.tenants.gov.cloud", "us-gov");
    properties.put("cordon.graph.tenants.dod.tenant-id", "t-dod");
    properties.put("cordon.graph.tenants.dod.cloud", "us-gov-dod");
    properties.put("cordon.graph.tenants.cn.tenant-id", "t-cn");
    properties.put("cordon.graph.tenants.cn.cloud", "china");
    properties.put("cordon.graph.tenants.cn.client-id", "china-app");
    properties.put("cordon.graph.tenants.cn.certificate-path", "/etc/cordon/cn.pem");
    properties.put("cordon.graph.tenants.cn.tenant-size", "medium");
    properties.put("cordon.graph.tenants.world.tenant-id", "t-world");
    properties.put("cordon.graph.tenants.world.default", "true");
    properties.put("cordon.graph.tenants.world.domains", "Contoso.com, contoso.onmicrosoft.com");
    TenantRegistry registry = registry(properties);

    GraphTenant gov = registry.byName("gov").orElseThrow();
    assertEquals("https://login.microsoftonline.us", gov.authorityHost());
    assertEquals("https://graph.microsoft.us/v1.0", gov.baseUrl());
    assertEquals("https://graph.microsoft.us/.default", gov.scope());
    assertEquals("shared-app", gov.clientId());
    assertEquals(new AppCredential.ClientSecret("shared-secret"), gov.credential().orElseThrow());

    GraphTenant dod = registry.byName("dod").orElseThrow();
    assertEquals("https://login.microsoftonline.us", dod.authorityHost());
    assertEquals("https://dod-graph.microsoft.us/v1.0", dod.baseUrl());

    GraphTenant cn = registry.byName("cn").orElseThrow();
    assertEquals("https://login.chinacloudapi.cn", cn.authorityHost());
    assertEquals("https://microsoftgraph.chinacloudapi.cn/v1.0", cn.baseUrl());
    assertEquals("https://microsoftgraph.chinacloudapi.cn/.default", cn.scope());
    assertEquals("china-app", cn.clientId());
    assertEquals(
        new AppCredential.Certificate("/etc/cordon/cn.pem"),
        cn.credential().orElseThrow(),
        "a tenant's own certificate wins over a shared secret");
    assertEquals(TenantSize.MEDIUM, cn.size());

    GraphTenant world = registry.byName("world").orElseThrow();
    assertEquals("https://login.microsoftonline.com", world.authorityHost());
    assertEquals("https://graph.microsoft.com/v1.0", world.baseUrl());
    assertEquals(List.of("contoso.com", "contoso.onmicrosoft.com"), world.configuredDomains());
    assertEquals(world, registry.defaultTenant().orElseThrow());
    assertEquals(4, registry.all().size());
    assertTrue(registry.several());
    assertFalse(world.toString().contains("shared-secret"), world.toString());
  }

  @Test
  void anExplicitHostOverridesTheCloud() {
    TenantRegistry registry =
        registry(
            Map.of(
                "cordon.graph.tenants.sim.tenant-id", "t-sim",
                "cordon.graph.tenants.sim.cloud", "us-gov",
                "cordon.graph.tenants.sim.client-secret", "x",
                "cordon.graph.tenants.sim.base-url", "http://localhost:7/gov/v1.0",
                "cordon.graph.tenants.sim.authority-host", "https://localhost:6"));
    GraphTenant sim = registry.primary();
    assertEquals("http://localhost:7/gov/v1.0", sim.baseUrl());
    assertEquals("https://localhost:6", sim.authorityHost());
    assertEquals("https://graph.microsoft.us/.default", sim.scope());
    assertTrue(sim.isDefault(), "the only tenant is the default one");
  }

  @Test
  void noDefaultAmongSeveralLeavesUnroutedAccountsWithoutATenant() {
    TenantRegistry registry =
        registry(
            Map.of(
                "cordon.graph.client-secret", "x",
                "cordon.graph.tenants.a.tenant-id", "t-a",
                "cordon.graph.tenants.b.tenant-id", "t-b"));
    assertTrue(registry.defaultTenant().isEmpty());
    assertEquals("a", registry.primary().name());
  }

  @Test
  void configurationThatWouldMisrouteStopsStartUp() {
    IllegalStateException twoDefaults =
        assertThrows(
            IllegalStateException.class,
            () ->
                registry(
                    Map.of(
                        "cordon.graph.client-secret", "x",
                        "cordon.graph.tenants.a.tenant-id", "t-a",
                        "cordon.graph.tenants.a.default", "true",
                        "cordon.graph.tenants.b.tenant-id", "t-b",
                        "cordon.graph.tenants.b.default", "true")));
    assertTrue(twoDefaults.getMessage().contains("More than one tenant"), twoDefaults.getMessage());

    IllegalStateException sameId =
        assertThrows(
            IllegalStateException.class,
            () ->
                registry(
                    Map.of(
                        "cordon.graph.client-secret", "x",
                        "cordon.graph.tenants.a.tenant-id", "T-1",
                        "cordon.graph.tenants.b.tenant-id", "t-1")));
    assertTrue(sameId.getMessage().contains("same tenant-id"), sameId.getMessage());

    IllegalStateException noCredential =
        assertThrows(
            IllegalStateException.class,
            () -> registry(Map.of("cordon.graph.tenants.a.tenant-id", "t-a")));
    assertTrue(
        noCredential.getMessage().contains("cordon.graph.tenants.a.client-secret"),
        noCredential.getMessage());
  }

  @Test
  void aTenantsOwnCredentialWinsAndAWorkloadIdentityIsOne() {
    TenantRegistry registry =
        registry(
            Map.of(
                "cordon.graph.certificate-path", "/etc/cordon/shared.pem",
                "cordon.graph.tenants.k8s.tenant-id", "t-k8s",
                "cordon.graph.tenants.k8s.federated-token-file", "/var/run/secrets/token",
                "cordon.graph.tenants.own.tenant-id", "t-own",
                "cordon.graph.tenants.own.client-secret", "own-secret",
                "cordon.graph.tenants.shared.tenant-id", "t-shared"));
    assertEquals(
        new AppCredential.FederatedToken("/var/run/secrets/token"),
        registry.byName("k8s").orElseThrow().credential().orElseThrow());
    assertEquals(
        new AppCredential.ClientSecret("own-secret"),
        registry.byName("own").orElseThrow().credential().orElseThrow(),
        "a tenant's own secret wins over a shared certificate");
    assertEquals(
        new AppCredential.Certificate("/etc/cordon/shared.pem"),
        registry.byName("shared").orElseThrow().credential().orElseThrow());
    assertEquals(
        "ClientSecret[***]", registry.byName("own").orElseThrow().credential().get().toString());
  }

  @Test
  void aTenantWithItsOwnAppNeverGetsTheSharedAppsSecretAndNamesFitTheirColumns() {
    IllegalStateException ownApp =
        assertThrows(
            IllegalStateException.class,
            () ->
                registry(
                    Map.of(
                        "cordon.graph.client-secret", "shared-secret",
                        "cordon.graph.tenants.sub.tenant-id", "t-sub",
                        "cordon.graph.tenants.sub.client-id", "subsidiary-app")));
    assertTrue(
        ownApp.getMessage().contains("cordon.graph.tenants.sub.client-secret"),
        ownApp.getMessage());

    IllegalStateException longName =
        assertThrows(
            IllegalStateException.class,
            () ->
                registry(
                    Map.of(
                        "cordon.graph.client-secret",
                        "x",
                        "cordon.graph.tenants." + "a".repeat(65) + ".tenant-id",
                        "t-a")));
    assertTrue(longName.getMessage().contains("1 to 64"), longName.getMessage());
  }
}
