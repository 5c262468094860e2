package io.cordon.notification.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.events.AffectedAccount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerExposureTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

  @Test
  void theWindowOpensAtTheEarliestActivityAndClosesWhenTheLastAccountIsContained() {
    List<AffectedAccount> inScope =
        List.of(
            account("a", true, "CONTAINED", T0.plusSeconds(100), T0.plusSeconds(10)),
            account("b", false, "RELEASED", T0.plusSeconds(300), T0),
            account("c", false, "CONTAINED", T0.plusSeconds(200), null));

    NoticeDocument.Exposure exposure = PartnerExposure.of(inScope, inScope);

    assertThat(exposure.accounts()).isEqualTo(3);
    assertThat(exposure.privileged()).isEqualTo(1);
    assertThat(exposure.status()).isEqualTo("CONTAINED");
    assertThat(exposure.firstActivityAt()).isEqualTo(T0);
    assertThat(exposure.containedAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(exposure.containment()).containsEntry("CONTAINED", 2).containsEntry("RELEASED", 1);
  }

  @Test
  void theLeastFinishedStateNamesTheStatusAndKeepsTheWindowOpen() {
    assertThat(statusOf("CONTAINED", "REQUIRES_MANUAL", "PARTIAL")).isEqualTo("PARTIAL");
    assertThat(statusOf("CONTAINED", "REQUIRES_MANUAL")).isEqualTo("REQUIRES_MANUAL");
    assertThat(statusOf("PARTIAL", "UNCONTAINED")).isEqualTo("UNCONTAINED");
    assertThat(statusOf("UNCONTAINED", "IN_PROGRESS", "CONTAINED")).isEqualTo("IN_PROGRESS");
    List<AffectedAccount> manual =
        List.of(
            account("a", false, "CONTAINED", T0, null),
            account("b", false, "REQUIRES_MANUAL", null, null));
    assertThat(PartnerExposure.of(manual, manual).containedAt()).isNull();
  }

  @Test
  void anAccountWithoutContainmentLeavesTheStatusUnknown() {
    List<AffectedAccount> mixed =
        List.of(
            account("a", false, "CONTAINED", T0, null),
            AffectedAccount.of("old@jaxa.example", List.of()));

    NoticeDocument.Exposure exposure = PartnerExposure.of(mixed, mixed);

    assertThat(exposure.status()).isNull();
    assertThat(exposure.containedAt()).isNull();
    assertThat(exposure.containment()).containsOnlyKeys("CONTAINED");
  }

  @Test
  void aPartnerMetByTagAloneIsToldAboutTheIncidentsAccountsWithoutAnyInItsScope() {
    List<AffectedAccount> incident =
        List.of(
            account("a", true, "IN_PROGRESS", null, T0),
            account("b", false, "CONTAINED", T0, T0.plusSeconds(5)));

    NoticeDocument.Exposure exposure = PartnerExposure.of(List.of(), incident);

    assertThat(exposure.accounts()).isZero();
    assertThat(exposure.privileged()).isEqualTo(1);
    assertThat(exposure.status()).isEqualTo("IN_PROGRESS");
    assertThat(exposure.firstActivityAt()).isEqualTo(T0);
  }

  private static String statusOf(String... states) {
    List<AffectedAccount> accounts =
        java.util.Arrays.stream(states).map(s -> account(s, false, s, null, null)).toList();
    return PartnerExposure.of(accounts, accounts).status();
  }

  private static AffectedAccount account(
      String name, boolean privileged, String containment, Instant containedAt, Instant first) {
    return AffectedAccount.of(name + "@jaxa.example", List.of())
        .withExposure(privileged, containment, containedAt, first);
  }
}
