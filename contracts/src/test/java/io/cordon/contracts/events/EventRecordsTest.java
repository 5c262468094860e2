package io.cordon.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.SampleEvents;
import io.cordon.contracts.UserType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

  @Test
  void copiesListsSoTheCallerCannotChangeAnEventAfterwards() {
    List<String> roles = new ArrayList<>(List.of("Global Administrator"));
    ResolvedAccount account =
        new ResolvedAccount(
            "u-1", "a@example.jp", "t-1", UserType.MEMBER, false, true, roles, List.of());

    roles.add("Exchange Administrator");

    assertThat(account.privilegedRoles()).containsExactly("Global Administrator");
    assertThatThrownBy(() -> account.privilegedRoles().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copiesParameterMaps() {
    Map<String, String> parameters = new HashMap<>(Map.of("lifetimeInMinutes", "60"));
    ActionRequested request = withParameters(parameters);

    parameters.put("isUsableOnce", "true");

    assertThat(request.parameters()).containsOnlyKeys("lifetimeInMinutes");
  }

  @Test
  void turnsAbsentOptionalCollectionsIntoEmptyOnes() {
    assertThat(withParameters(null).parameters()).isEmpty();
    assertThat(new AffectedScopes(List.of(), List.of(), null).tags()).isEmpty();
  }

  @Test
  void refusesAbsentRequiredListsInsteadOfDefaultingThem() {
    assertThatThrownBy(() -> new AffectedScopes(null, List.of(), List.of()))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("AffectedScopes: missing required field 'groups'");
  }

  @Test
  void refusesNullParameterValues() {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("lifetimeInMinutes", null);

    assertThatThrownBy(() -> withParameters(parameters))
        .isInstanceOf(EventFormatException.class)
        .hasMessage(
            "ActionRequested: invalid field 'parameters': must not contain null keys or values");
  }

  @Test
  void refusesNegativeCounts() {
    assertThatThrownBy(() -> new ScopeCount(ScopeCount.DOMAIN, "example.jp", -1))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("ScopeCount: invalid field 'accounts': must be at least 0 but was -1");
  }

  @Test
  void derivesTheLowerCaseDomainFromTheUpn() {
    AffectedAccount account = AffectedAccount.of("Tanaka@Partner.Example.JP", List.of("g-1"));

    assertThat(account.domain()).isEqualTo("partner.example.jp");
    assertThat(account.userPrincipalName()).isEqualTo("Tanaka@Partner.Example.JP");
  }

  @Test
  void refusesAUpnWithoutDomain() {
    assertThatThrownBy(() -> AffectedAccount.of("tanaka", List.of()))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("has no domain");
  }

  @Test
  void exposesTheFactsPlaybookConditionsUse() {
    ResolvedAccount admin = SampleEvents.resolvedAccount(3);
    ResolvedAccount guest =
        new ResolvedAccount(
            "u-9", "ext@partner.jp", "t-1", UserType.GUEST, false, true, List.of(), List.of());

    assertThat(admin.isPrivileged()).isTrue();
    assertThat(admin.isGuest()).isFalse();
    assertThat(guest.isPrivileged()).isFalse();
    assertThat(guest.isGuest()).isTrue();
    assertThat(admin.toRef()).isEqualTo(new AccountRef("u-3", "user3@example.jp", "tenant-1"));
  }

  @Test
  void derivesStableEventIdsThatKeepPartsApart() {
    assertThat(EventIds.derived("a", "bc")).isEqualTo(EventIds.derived("a", "bc"));
    assertThat(EventIds.derived("a", "bc")).isNotEqualTo(EventIds.derived("ab", "c"));
    assertThat(EventIds.random()).isNotEqualTo(EventIds.random());
  }

  private static ActionRequested withParameters(Map<String, String> parameters) {
    return new ActionRequested(
        ActionRequested.SCHEMA_VERSION,
        "evt-1",
        "act-1",
        "run-1",
        "tap",
        SampleEvents.ACCOUNT,
        io.cordon.contracts.ActionType.ISSUE_TEMPORARY_ACCESS_PASS,
        parameters,
        SampleEvents.AT,
        null);
  }
}
