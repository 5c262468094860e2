package io.cordon.playbook.mapping;

import java.time.Instant;
import java.util.List;

/**
 * The evidence timeline as CSV (RFC 4180), one audit entry per row; a part that could not be read
 * is a row of kind {@code missing-part}. Cells that a spreadsheet would run as a formula are
 * prefixed with an apostrophe.
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

  private EvidenceCsv() {}

  public static String write(EvidenceDocument evidence) {
    StringBuilder out = new StringBuilder();
    row(out, HEADER);
    for (EvidenceDocument.MissingPart missing : evidence.missing()) {
      row(
          out,
          java.util.Arrays.asList(
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
      row(
          out,
          java.util.Arrays.asList(
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
    return out.toString();
  }

  private static String text(Instant at) {
    return at == null ? "" : at.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
