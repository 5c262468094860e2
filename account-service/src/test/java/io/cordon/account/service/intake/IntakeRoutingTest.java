package io.cordon.account.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.account.config.AppCredential;
import io.cordon.account.config.GraphCloud;
import io.cordon.account.config.GraphConfig.TenantSize;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.model.AccountIdentifier;
import io.cordon.account.model.IntakeOutcome;
import io.cordon.account.service.tenant.TenantRoute;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Intake with a tenant router: refusals per entry, and duplicates told by the routed tenant. */
class IntakeRoutingTest {
  private static final String CONTOSO_ID = "c0c0c0c0-0000-4000-8000-00000000c0c0";
  private static final GraphTenant CONTOSO = tenant("contoso", CONTOSO_ID);
  private static final GraphTenant FABRIKAM =
      tenant("fabrikam", "fabfabfa-0000-4000-8000-00000000fab0");

  private static GraphTenant tenant(String name, String id) {
    return new GraphTenant(
        name,
        id,
        "app",
        Optional.of(new AppCredential.ClientSecret("secret")),
        GraphCloud.GLOBAL,
        GraphCloud.GLOBAL.baseUrl(),
        GraphCloud.GLOBAL.authorityHost(),
        GraphCloud.GLOBAL.scope(),
        TenantSize.LARGE,
        List.of(),
        false);
  }

  /** contoso.example and contoso's id are contoso's; fabrikam.example fabrikam's; else refused. */
  private static final Function<AccountIdentifier, TenantRoute> ROUTER =
      id -> {
        String where = id.tenant() != null ? id.tenant() : id.value().replaceAll(".*@", "");
        if (where.equals("contoso.example") || where.equals(CONTOSO_ID)) {
          return TenantRoute.to(CONTOSO);
        }
        return where.equals("fabrikam.example")
            ? TenantRoute.to(FABRIKAM)
            : TenantRoute.refused(id.value() + ": no tenant");
      };

  @Test
  void theSameAccountByDomainAndByTenantIdIsOneAccount() {
    IntakeOutcome outcome =
        IntakeValidation.validate(
            List.of(
                new RawEntry("accounts[0]", "ann@contoso.example", null),
                new RawEntry("accounts[1]", "ann@contoso.example", CONTOSO_ID),
                new RawEntry("accounts[2]", "ben@fabrikam.example", null),
                new RawEntry("accounts[3]", "cat@nowhere.example", null)),
            List.of(),
            ROUTER);

    assertThat(outcome.accepted())
        .extracting(AccountIdentifier::value)
        .containsExactly("ann@contoso.example", "ben@fabrikam.example");
    assertThat(outcome.duplicates()).isEqualTo(1);
    assertThat(outcome.tenantOf(outcome.accepted().get(0))).isEqualTo("contoso");
    assertThat(outcome.tenantOf(outcome.accepted().get(1))).isEqualTo("fabrikam");
    assertThat(outcome.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.input()).isEqualTo("accounts[3]: cat@nowhere.example");
              assertThat(r.reason()).isEqualTo("cat@nowhere.example: no tenant");
            });
  }

  @Test
  void withoutARouterNothingIsRoutedAndHintsStayApart() {
    IntakeOutcome outcome =
        IntakeValidation.validate(
            List.of(
                new RawEntry("accounts[0]", "ann@contoso.example", null),
                new RawEntry("accounts[1]", "ann@contoso.example", CONTOSO_ID)),
            List.of());

    assertThat(outcome.accepted()).hasSize(2);
    assertThat(outcome.tenantOf(outcome.accepted().get(0))).isNull();
  }
}
