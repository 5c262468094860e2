package io.cordon.account.service.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.account.client.TenantDomains;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TestTenants;
import io.cordon.account.model.AccountIdentifier;
import jakarta.enterprise.inject.Vetoed;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An account whose domain no tenant lists goes to the default tenant only while every tenant's
 * verified domains are known: the domain may be one Graph would have listed for the tenant it did
 * not answer for, and containing an account in the wrong tenant contains nobody.
 */
class TenantRouterTest {
  private final TenantRouter router = new TenantRouter();
  private final DomainsAsRead domains = new DomainsAsRead();

  TenantRouterTest() {
    router.tenants =
        TestTenants.registry(
            Map.of(
                "cordon.graph.client-secret", "x",
                "cordon.graph.tenants.contoso.tenant-id", "t-contoso",
                "cordon.graph.tenants.contoso.default", "true",
                "cordon.graph.tenants.fabrikam.tenant-id", "t-fabrikam"));
    router.domains = domains;
  }

  @Test
  void anUnknownDomainGoesToTheDefaultTenantWhenEveryTenantsDomainsWereRead() {
    TenantRoute route = router.route(upn("ivan@elsewhere.example"));
    assertThat(route.routed()).isTrue();
    assertThat(route.tenant().name()).isEqualTo("contoso");
    assertThat(router.route(upn("bruno@fabrikam.example")).tenant().name()).isEqualTo("fabrikam");
  }

  @Test
  void anUnknownDomainIsRefusedWhileATenantsDomainsCouldNotBeRead() {
    domains.failing = "fabrikam";

    TenantRoute route = router.route(upn("rita@fabrikam-subsidiary.example"));

    assertThat(route.routed()).isFalse();
    assertThat(route.refusal())
        .contains("rita@fabrikam-subsidiary.example")
        .contains("verified domains of tenant fabrikam could not be read")
        .contains("tenantId");
    // a domain still known routes, and a hint decides without the domains
    assertThat(router.route(upn("aiko@contoso.example")).tenant().name()).isEqualTo("contoso");
    assertThat(
            router
                .route(
                    new AccountIdentifier(
                        AccountIdentifier.Kind.UPN,
                        "rita@fabrikam-subsidiary.example",
                        "t-fabrikam"))
                .tenant()
                .name())
        .isEqualTo("fabrikam");
  }

  private static AccountIdentifier upn(String upn) {
    return new AccountIdentifier(AccountIdentifier.Kind.UPN, upn, null);
  }

  /**
   * contoso.example is contoso's, fabrikam.example fabrikam's; one tenant's read may fail. Vetoed:
   * the scope of the bean it extends is inherited, and the service's tests must not see two.
   */
  @Vetoed
  static final class DomainsAsRead extends TenantDomains {
    String failing;

    @Override
    public Set<String> of(GraphTenant tenant) {
      if (tenant.name().equals(failing)) {
        return Set.of();
      }
      return Set.of(tenant.name() + ".example");
    }

    @Override
    public boolean unread(GraphTenant tenant) {
      return tenant.name().equals(failing);
    }
  }
}
