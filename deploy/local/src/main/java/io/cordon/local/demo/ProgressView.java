package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A progress bar per playbook step. On a terminal the block is redrawn in place; in a log (CI, a
 * pipe) a snapshot is printed when something changed, at most every few seconds.
 */
public final class ProgressView {
  static final Set<String> FINAL_STATES =
      Set.of("SUCCEEDED", "SKIPPED", "REQUIRES_MANUAL", "FAILED", "CANCELLED");
  private static final int WIDTH = 30;
  private static final long SNAPSHOT_EVERY_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final boolean terminal;
  private int linesDrawn;
  private String lastSnapshot = "";
  private long lastPrintedAt;

  public ProgressView(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  public void show(JsonNode run) {
    List<String> lines = render(run);
    String snapshot = String.join("\n", lines);
    if (terminal) {
      if (linesDrawn > 0) {
        out.print("\033[" + linesDrawn + "A");
      }
      for (String line : lines) {
        out.print("\r\033[2K" + line + "\n");
      }
      linesDrawn = lines.size();
    } else if (!snapshot.equals(lastSnapshot)
        && (System.nanoTime() - lastPrintedAt > SNAPSHOT_EVERY_NANOS || isFinal(run))) {
      out.println(snapshot);
      lastPrintedAt = System.nanoTime();
    }
    lastSnapshot = snapshot;
    out.flush();
  }

  static List<String> render(JsonNode run) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "run %s  %s  %d accounts  %.1f s",
            run.path("id").asText(),
            run.path("state").asText(),
            run.path("accounts").asInt(),
            run.path("durationMs").asLong() / 1000.0));
    for (JsonNode step : run.path("steps")) {
      JsonNode counts = step.path("counts");
      int total = 0;
      int done = 0;
      for (var entry : counts.properties()) {
        total += entry.getValue().asInt();
        if (FINAL_STATES.contains(entry.getKey())) {
          done += entry.getValue().asInt();
        }
      }
      lines.add(
          String.format(
              "  %-26s %s %4d/%-4d %s",
              step.path("id").asText(), bar(done, total), done, total, waiting(counts)));
    }
    return lines;
  }

  static String bar(int done, int total) {
    int filled = total == 0 ? 0 : (int) Math.round((double) WIDTH * done / total);
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
  }

  private static String waiting(JsonNode counts) {
    int approval = counts.path("WAITING_APPROVAL").asInt();
    int manual = counts.path("REQUIRES_MANUAL").asInt();
    int failed = counts.path("FAILED").asInt();
    StringBuilder notes = new StringBuilder();
    if (approval > 0) {
      notes.append(approval).append(" awaiting approval ");
    }
    if (manual > 0) {
      notes.append(manual).append(" manual ");
    }
    if (failed > 0) {
      notes.append(failed).append(" failed");
    }
    return notes.toString().trim();
  }

  static boolean isFinal(JsonNode run) {
    return Set.of("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED")
        .contains(run.path("state").asText());
  }
}
