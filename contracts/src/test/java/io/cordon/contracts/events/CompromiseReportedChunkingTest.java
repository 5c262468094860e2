package io.cordon.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.ReportSource;
import io.cordon.contracts.SampleEvents;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompromiseReportedChunkingTest {

  @Test
  void splits1201AccountsInto500And500And201() {
    List<ResolvedAccount> accounts = accounts(1201);

    List<CompromiseReported> events = chunk("rep-42", accounts);

    assertThat(events).extracting(e -> e.accounts().size()).containsExactly(500, 500, 201);
    assertThat(events).extracting(CompromiseReported::chunk).containsExactly(1, 2, 3);
    assertThat(events).extracting(CompromiseReported::chunks).containsOnly(3);
    assertThat(events).extracting(CompromiseReported::reportId).containsOnly("rep-42");
    assertThat(events.stream().flatMap(e -> e.accounts().stream()).toList()).isEqualTo(accounts);
  }

  @Test
  void givesEachChunkItsOwnEventIdAndTheSameIdsWhenPublishedAgain() {
    List<ResolvedAccount> accounts = accounts(1201);

    List<String> first = eventIds(chunk("rep-42", accounts));
    List<String> again = eventIds(chunk("rep-42", accounts));

    assertThat(first).doesNotHaveDuplicates().hasSize(3).isEqualTo(again);
    assertThat(first.get(1)).isEqualTo(CompromiseReported.eventIdFor("rep-42", 2));
    assertThat(eventIds(chunk("rep-43", accounts))).doesNotContainAnyElementsOf(first);
  }

  @Test
  void keepsExactly500AccountsInOneEvent() {
    List<CompromiseReported> events = chunk("rep-1", accounts(500));

    assertThat(events).singleElement().satisfies(e -> assertThat(e.chunks()).isEqualTo(1));
  }

  @Test
  void aReportWithNoAccountsIsOneEventWithoutAny() {
    // the run it starts must learn that nothing resolved, or a reserved run would wait for ever
    assertThat(chunk("rep-1", List.of()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.accounts()).isEmpty();
              assertThat(e.chunk()).isEqualTo(1);
              assertThat(e.chunks()).isEqualTo(1);
            });
  }

  @Test
  void refusesAnEmptyChunkOfSeveral() {
    assertThatThrownBy(() -> withAccounts(List.of(), 1, 2))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'accounts': may be empty only in the single event");
  }

  @Test
  void carriesTheReportersIdentityBesideTheirName() {
    assertThat(chunk("rep-1", accounts(2)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reportedBy()).isEqualTo("sentinel");
              assertThat(e.reportedById()).isEqualTo("iss:https://idp.example sentinel-app");
            });
  }

  @Test
  void refusesAnEventAboveTheLimit() {
    assertThatThrownBy(() -> withAccounts(accounts(501), 1, 1))
        .isInstanceOf(EventFormatException.class)
        .hasMessage(
            "CompromiseReported: invalid field 'accounts': must hold at most 500 accounts but held 501");
  }

  @Test
  void refusesAChunkNumberBeyondTheChunkCount() {
    assertThatThrownBy(() -> withAccounts(accounts(1), 3, 2))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("CompromiseReported: invalid field 'chunks': must be at least 3 but was 2");
  }

  private static CompromiseReported withAccounts(
      List<ResolvedAccount> accounts, int chunk, int chunks) {
    return new CompromiseReported(
        CompromiseReported.SCHEMA_VERSION,
        "evt-1",
        "rep-1",
        chunk,
        chunks,
        SampleEvents.INCIDENT,
        accounts,
        null,
        ReportSource.MANUAL,
        "responder",
        null,
        SampleEvents.AT);
  }

  private static List<CompromiseReported> chunk(String reportId, List<ResolvedAccount> accounts) {
    return CompromiseReported.chunked(
        reportId,
        SampleEvents.INCIDENT,
        accounts,
        "revoke-only",
        ReportSource.DETECTION,
        "sentinel",
        "iss:https://idp.example sentinel-app",
        SampleEvents.AT);
  }

  private static List<ResolvedAccount> accounts(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(SampleEvents::resolvedAccount).toList();
  }

  private static List<String> eventIds(List<CompromiseReported> events) {
    return events.stream().map(CompromiseReported::eventId).toList();
  }
}
