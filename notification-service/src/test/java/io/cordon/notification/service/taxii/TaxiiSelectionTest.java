package io.cordon.notification.service.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaxiiSelectionTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final TaxiiObject IP_V1 = object("indicator--1", "indicator", 0, 10);
  private static final TaxiiObject IP_V2 = object("indicator--1", "indicator", 50, 60);
  private static final TaxiiObject REPORT = object("report--1", "report", 0, 10);
  private static final TaxiiObject SIGHTING = object("sighting--1", "sighting", 0, 20);
  private static final List<TaxiiObject> COLLECTION = List.of(IP_V1, REPORT, SIGHTING, IP_V2);

  @Test
  void byDefaultTheLastVersionOfEachObjectInDateAddedOrder() {
    TaxiiPage page = TaxiiSelection.select(COLLECTION, filter(List.of("last"), null, Set.of()));

    assertThat(page.objects()).containsExactly(REPORT, SIGHTING, IP_V2);
    assertThat(page.more()).isFalse();
    assertThat(page.next()).isNull();
  }

  @Test
  void firstAllAndExactVersions() {
    assertThat(
            TaxiiSelection.select(COLLECTION, filter(List.of("first"), null, Set.of())).objects())
        .containsExactly(IP_V1, REPORT, SIGHTING);
    assertThat(TaxiiSelection.select(COLLECTION, filter(List.of("all"), null, Set.of())).objects())
        .containsExactly(IP_V1, REPORT, SIGHTING, IP_V2);
    assertThat(
            TaxiiSelection.select(
                    COLLECTION,
                    filter(List.of(T0.plusSeconds(50).toString()), null, Set.of("indicator")))
                .objects())
        .containsExactly(IP_V2);
  }

  @Test
  void addedAfterIsStrictAndTypesNarrow() {
    assertThat(
            TaxiiSelection.select(COLLECTION, filter(List.of("all"), T0.plusSeconds(10), Set.of()))
                .objects())
        .containsExactly(SIGHTING, IP_V2);
    assertThat(
            TaxiiSelection.select(COLLECTION, filter(List.of("all"), null, Set.of("report")))
                .objects())
        .containsExactly(REPORT);
  }

  @Test
  void pagesFollowOneAnotherWithoutGapOrRepeat() {
    TaxiiFilter firstPage =
        new TaxiiFilter(null, Set.of(), Set.of(), List.of("all"), Set.of("2.1"), 3, 0);
    TaxiiPage one = TaxiiSelection.select(COLLECTION, firstPage);
    TaxiiPage two =
        TaxiiSelection.select(
            COLLECTION,
            new TaxiiFilter(
                null, Set.of(), Set.of(), List.of("all"), Set.of("2.1"), 3, one.next()));

    assertThat(one.more()).isTrue();
    assertThat(one.objects()).containsExactly(IP_V1, REPORT, SIGHTING);
    assertThat(two.more()).isFalse();
    assertThat(two.objects()).containsExactly(IP_V2);
  }

  private static TaxiiFilter filter(List<String> versions, Instant addedAfter, Set<String> types) {
    return new TaxiiFilter(
        addedAfter, Set.of(), types, versions, Set.of("2.1"), TaxiiFilter.DEFAULT_LIMIT, 0);
  }

  private static TaxiiObject object(String id, String type, int versionSecond, int addedSecond) {
    return new TaxiiObject(
        id,
        type,
        T0.plusSeconds(versionSecond),
        "2.1",
        T0.plusSeconds(addedSecond),
        JsonNodeFactory.instance.objectNode().put("id", id));
  }
}
