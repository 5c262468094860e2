package io.cordon.account.service.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.account.config.ProtectionConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The protected list from configuration, and how an account is found on it. */
class ProtectionListTest {
  private static final String USER = "0a1b2c3d-0000-4000-8000-000000000001";
  private static final String GROUP = "0a1b2c3d-0000-4000-8000-0000000000a1";

  @Test
  void aMistypedIdInConfigurationStopsTheServiceRatherThanProtectNobody() {
    ProtectedAccountService service = service(List.of(USER, "breakglass@jaxa.example"), List.of());

    assertThatThrownBy(() -> service.checkConfiguration(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cordon.protection.accounts")
        .hasMessageContaining("breakglass@jaxa.example");
  }

  @Test
  void anAccountIsProtectedByItsOwnIdOrByAnyOfItsGroups() {
    ProtectionList list =
        ProtectionList.unscoped(Map.of(USER, "break-glass 1"), Map.of(GROUP, "Tier 0"));

    assertThat(list.why(USER, Set.of(), "t-a")).isEqualTo("break-glass 1");
    assertThat(list.why("0a1b2c3d-0000-4000-8000-000000000002", Set.of("other", GROUP), "t-a"))
        .isEqualTo("member of protected group " + GROUP + " (Tier 0)");
    assertThat(list.why("0a1b2c3d-0000-4000-8000-000000000002", Set.of("other"), "t-a")).isNull();
  }

  @Test
  void anEntryLimitedToATenantProtectsOnlyThere() {
    ProtectionList list =
        new ProtectionList(
            Map.of(USER, new ProtectionList.Entry("break-glass of A", "t-a")),
            Map.of(GROUP, new ProtectionList.Entry("Tier 0 of A", "t-a")));

    assertThat(list.why(USER, Set.of(), "T-A")).isEqualTo("break-glass of A");
    assertThat(list.why(USER, Set.of(), "t-b")).isNull();
    assertThat(list.why("0a1b2c3d-0000-4000-8000-000000000002", Set.of(GROUP), "t-b")).isNull();
    assertThat(list.why("0a1b2c3d-0000-4000-8000-000000000002", Set.of(GROUP), "t-a"))
        .contains("Tier 0 of A");
  }

  @Test
  void objectIdsAreComparedInLowerCase() {
    assertThat(ObjectIds.parse("id", " " + USER.toUpperCase() + " ")).isEqualTo(USER);
  }

  private static ProtectedAccountService service(List<String> accounts, List<String> groups) {
    ProtectedAccountService service = new ProtectedAccountService();
    service.config =
        new ProtectionConfig() {
          @Override
          public Optional<List<String>> accounts() {
            return Optional.of(accounts);
          }

          @Override
          public Optional<List<String>> groups() {
            return Optional.of(groups);
          }

          @Override
          public int overrideMaxMinutes() {
            return 240;
          }
        };
    return service;
  }
}
