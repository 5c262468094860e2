package io.cordon.playbook.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The evidence timeline as CSV (RFC 4180, written by Apache Commons CSV), one audit entry per row;
 * a part that could not be read is a row of kind {@code missing-part}. Cells that a spreadsheet
 * would run as a formula are prefixed with an apostrophe: that is ours, CSV itself has no such
 * rule.
 */
public final class EvidenceCsv {
  static final List<String> HEADER =
      List.of(
          "at",
          "service",
          "seq",
          "kind",
          "action",
          "actor",
          "actor_roles",
          "subject",
          "account_id",
          "account_upn",
          "run_id",
          "result",
          "reason",
          "correlation_id");

  /** RFC 4180: comma, CR LF, quotes only where a value needs them. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private EvidenceCsv() {}

  public static String write(EvidenceDocument evidence) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(HEADER);
      for (EvidenceDocument.MissingPart missing : evidence.missing()) {
        printer.printRecord(
            defused(
                text(evidence.generatedAt()),
                missing.service(),
                "",
                "missing-part",
                missing.part(),
                "",
                "",
                "",
                "",
                "",
                "",
                "MISSING",
                missing.reason(),
                ""));
      }
      for (EvidenceDocument.TimelineEntry e : evidence.timeline()) {
        printer.printRecord(
            defused(
                text(e.at()),
                e.service(),
                Long.toString(e.seq()),
                e.kind(),
                e.action(),
                e.actor(),
                e.actorRoles(),
                e.subject(),
                e.accountId(),
                e.accountUpn(),
                e.runId(),
                e.result(),
                e.reason(),
                e.correlationId()));
      }
    } catch (IOException e) {
      // a StringBuilder does not fail; the printer's signature says it might
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** One cell as the printer writes it; empty for no value. */
  static String cell(String value) {
    String safe = defused(value);
    return safe.isEmpty() ? "" : FORMAT.format(safe);
  }

  private static Stream<String> defused(String... cells) {
    return Arrays.stream(cells).map(EvidenceCsv::defused);
  }

  private static String defused(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  private static String text(Instant at) {
    return at == null ? "" : at.toString();
  }
}
