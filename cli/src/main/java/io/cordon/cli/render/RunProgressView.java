package io.cordon.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A progress bar per playbook step while a run goes on. On a terminal the block is redrawn in
 * place; in a pipe or a log, a snapshot is printed when something changed, at most every few
 * seconds, and always the last one: the final run's, or the one following stopped at ({@link
 * #finish}).
 */
public final class RunProgressView {
  /** Execution states after which nothing more happens to that account's step. */
  static final Set<String> SETTLED =
      Set.of("SUCCEEDED", "SKIPPED", "REQUIRES_MANUAL", "FAILED", "CANCELLED");

  private static final int BAR_WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final long snapshotEveryNanos;
  private int linesDrawn;
  private String lastSnapshot = "";
  private String lastPrinted = "";
  private long lastPrintedAt = Long.MIN_VALUE / 2;

  public RunProgressView(PrintStream out, boolean terminal, long snapshotEveryNanos) {
    this.out = out;
    this.terminal = terminal;
    this.snapshotEveryNanos = snapshotEveryNanos;
  }

  public void show(JsonNode run) {
    List<String> lines = lines(run);
    String snapshot = String.join("\n", lines);
    if (terminal) {
      if (linesDrawn > 0) {
        out.print("\033[" + linesDrawn + "A");
      }
      lines.forEach(line -> out.print("\r\033[2K" + line + "\n"));
      linesDrawn = lines.size();
    } else if (!snapshot.equals(lastPrinted)
        && (System.nanoTime() - lastPrintedAt >= snapshotEveryNanos || RunStates.isFinal(run))) {
      print(snapshot);
    }
    lastSnapshot = snapshot;
    out.flush();
  }

  /**
   * Following stops before the run is final (it waits for approval, or following gave up): in a
   * pipe or a log the last snapshot is printed if the interval held it back, so the log ends with
   * the run as it was left, not with an older picture of it.
   */
  public void finish() {
    if (!terminal && !lastSnapshot.isEmpty() && !lastSnapshot.equals(lastPrinted)) {
      print(lastSnapshot);
      out.flush();
    }
  }

  private void print(String snapshot) {
    out.println(snapshot);
    lastPrinted = snapshot;
    lastPrintedAt = System.nanoTime();
  }

  /** Something else is printed below: the next {@link #show} starts a new block. */
  public void detach() {
    linesDrawn = 0;
  }

  public static List<String> lines(JsonNode run) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "run %s  %s  %d account(s)  %.1f s",
            run.path("id").asText(),
            run.path("state").asText(),
            run.path("accounts").asInt(),
            run.path("durationMs").asLong() / 1000.0));
    for (JsonNode step : run.path("steps")) {
      StepCounts counts = StepCounts.of(step.path("counts"));
      lines.add(
          String.format(
                  "  %-26s %s %5d/%-5d %s",
                  step.path("id").asText(),
                  bar(counts.settled(), counts.total()),
                  counts.settled(),
                  counts.total(),
                  counts.notes())
              .stripTrailing());
    }
    return lines;
  }

  static String bar(int done, int total) {
    int filled = total == 0 ? 0 : (int) Math.round((double) BAR_WIDTH * done / total);
    return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
  }

  /** Executions of one step by state. */
  record StepCounts(Map<String, Integer> byState) {
    static StepCounts of(JsonNode counts) {
      Map<String, Integer> byState = new java.util.LinkedHashMap<>();
      counts.properties().forEach(entry -> byState.put(entry.getKey(), entry.getValue().asInt()));
      return new StepCounts(byState);
    }

    int get(String state) {
      return byState.getOrDefault(state, 0);
    }

    int total() {
      return byState.values().stream().mapToInt(Integer::intValue).sum();
    }

    int settled() {
      return byState.entrySet().stream()
          .filter(entry -> SETTLED.contains(entry.getKey()))
          .mapToInt(Map.Entry::getValue)
          .sum();
    }

    String notes() {
      List<String> notes = new ArrayList<>();
      if (get("WAITING_APPROVAL") > 0) {
        notes.add(get("WAITING_APPROVAL") + " awaiting approval");
      }
      if (get("REQUIRES_MANUAL") > 0) {
        notes.add(get("REQUIRES_MANUAL") + " manual");
      }
      if (get("FAILED") > 0) {
        notes.add(get("FAILED") + " failed");
      }
      return String.join(", ", notes);
    }
  }
}
