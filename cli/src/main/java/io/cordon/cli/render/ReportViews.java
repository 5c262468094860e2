package io.cordon.cli.render;

import static io.cordon.cli.render.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The receipt of a compromise report: what was accepted, and each refused entry with its reason.
 */
public final class ReportViews {
  private ReportViews() {}

  public static List<String> receipt(JsonNode receipt, boolean replayed) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "Report %s: %d account(s) accepted, %d rejected, %d duplicate(s) folded%s",
            text(receipt, "reportId"),
            receipt.path("accepted").asInt(),
            receipt.path("rejected").size(),
            receipt.path("duplicates").asInt(),
            replayed ? " (already submitted: the first receipt)" : ""));
    for (JsonNode rejection : receipt.path("rejected")) {
      lines.add(
          "  rejected "
              + Table.cell(text(rejection, "input"))
              + ": "
              + Table.cell(text(rejection, "reason")));
    }
    return lines;
  }
}
