package io.cordon.playbook.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceCsvTest {

  @Test
  void quotesSeparatorsAndDefusesFormulas() {
    assertThat(EvidenceCsv.cell("plain")).isEqualTo("plain");
    assertThat(EvidenceCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(EvidenceCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(EvidenceCsv.cell("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
    assertThat(EvidenceCsv.cell("-1")).isEqualTo("'-1");
    assertThat(EvidenceCsv.cell(null)).isEmpty();
  }

  @Test
  void missingPartsComeFirstThenTheTimeline() {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    EvidenceDocument document =
        new EvidenceDocument(
            "INC-1",
            at,
            "carol",
            false,
            List.of(new EvidenceDocument.MissingPart("notification-service", "notices", "down")),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new EvidenceDocument.TimelineEntry(
                    at,
                    "playbook-service",
                    3,
                    "run",
                    "run.started",
                    "alice",
                    "responder",
                    "r-1",
                    null,
                    null,
                    "r-1",
                    "PENDING",
                    null,
                    "c-1")),
            null,
            List.of(),
            List.of(),
            List.of(),
            null);

    List<String> lines = EvidenceCsv.write(document).lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(String.join(",", EvidenceCsv.HEADER));
    assertThat(lines.get(1)).contains("notification-service", "missing-part", "MISSING", "down");
    assertThat(lines.get(2))
        .isEqualTo(
            "2026-01-01T00:00:00Z,playbook-service,3,run,run.started,alice,responder,r-1,,,r-1,"
                + "PENDING,,c-1");
  }
}
