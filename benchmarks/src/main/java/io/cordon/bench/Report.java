package io.cordon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The measurements as Markdown tables (printed as they come, written at the end). */
final class Report {
  private final Path file;
  private final StringBuilder text = new StringBuilder();

  Report(Path file) {
    this.file = file;
  }

  void header(String machine, boolean quick, long latencyMs, int tenantUsers) {
    line("# Cordon benchmark results" + (quick ? " (--quick)" : ""));
    line("");
    line("- Machine: " + machine);
    line("- Started: " + java.time.Instant.now());
    line(
        "- Simulator: "
            + latencyMs
            + " ms per request, large-tenant throttling, synthetic tenant of "
            + tenantUsers
            + " users; playbook revoke, confirm-compromised, reset (per account)");
    line("");
  }

  void cordon(CordonRun.Result r, double scale, boolean unthrottled, LoadWindow load) {
    line(
        String.format(
            Locale.ROOT,
            "\n### Cordon, %,d accounts (budget scale %s%s)\n",
            r.accounts(),
            fmt(scale),
            unthrottled ? ", simulator unthrottled, 0 ms" : ""));
    line("| wall time | accounts/s | run state | Graph requests | 429s | load avg (1 min) |");
    line("|---|---|---|---|---|---|");
    line(
        String.format(
            Locale.ROOT,
            "| %.1f s | %.1f | %s | %,d | %,d | %s |",
            r.seconds(),
            r.accountsPerSecond(),
            r.state(),
            r.graphRequests(),
            r.throttled(),
            load));
    line("");
    line("Peak RSS (VmHWM): " + rss(r.peakRssMib()));
    line("");
    StringBuilder cpu = new StringBuilder("CPU seconds used during the run (user + system): ");
    r.cpuSeconds()
        .forEach((name, s) -> cpu.append(String.format(Locale.ROOT, "%s %.1f, ", name, s)));
    line(cpu.substring(0, cpu.length() - 2));
    line("");
    line("Graph calls by action and status: `" + r.counts().path("byAction") + "`");
    line("");
    line("Timeline (seconds after the report was posted): " + r.timeline());
    line("");
    line(
        "Identity Protection calls (seconds after the report was posted): "
            + r.identityProtectionCalls());
    flush();
  }

  void script(SequentialGraphScript.Result r, double scale, JsonNode counts, LoadWindow load) {
    line(
        String.format(
            Locale.ROOT,
            "\n### Sequential Graph SDK script, %d users (budget scale %s)\n",
            r.users(),
            fmt(scale)));
    line("| wall time | users/s | s per user | failed users | Graph requests | 429s | load avg |");
    line("|---|---|---|---|---|---|---|");
    line(
        String.format(
            Locale.ROOT,
            "| %.1f s | %.2f | %.2f | %d | %,d | %,d | %s |",
            r.seconds(),
            r.users() / r.seconds(),
            r.seconds() / r.users(),
            r.failedUsers(),
            counts.path("total").asLong(),
            counts.path("byStatus").path("429").asLong(),
            load));
    flush();
  }

  void comparison(
      CordonRun.Result cordon,
      SequentialGraphScript.Result script,
      LowerBound bound,
      double scale) {
    double scriptSeconds = script.seconds() / script.users() * cordon.accounts();
    boolean extrapolated = script.users() < cordon.accounts();
    line(
        String.format(
            Locale.ROOT,
            "\n### %,d accounts, budget scale %s: ratios\n",
            cordon.accounts(),
            fmt(scale)));
    line(
        "| Cordon / lower bound | script / Cordon | Cordon | lower bound (binding limit) | script |");
    line("|---|---|---|---|---|");
    line(
        String.format(
            Locale.ROOT,
            "| %.2f | %.1f | %.1f s | %.1f s (%s) | %.0f s%s |",
            cordon.seconds() / bound.seconds(),
            scriptSeconds / cordon.seconds(),
            cordon.seconds(),
            bound.seconds(),
            bound.binding(),
            scriptSeconds,
            extrapolated ? " (extrapolated from " + script.users() + " users)" : ""));
    flush();
  }

  /** The unmeasured first run: its time only, to show what a cold start costs. */
  void warmUp(CordonRun.Result r) {
    line(
        String.format(
            Locale.ROOT,
            "%n- Warm-up (not a figure): %d accounts on services that had run nothing yet, %.1f s,"
                + " %s",
            r.accounts(),
            r.seconds(),
            r.state()));
  }

  void latency(DetectionLatency.Result r, LoadWindow load) {
    line(
        "\n### Single account: POST /detections to revokeSignInSessions at Graph ("
            + r.samples()
            + " sequential detections)\n");
    line("| p50 | p95 | p99 | max | load avg |");
    line("|---|---|---|---|---|");
    line(
        String.format(
            Locale.ROOT,
            "| %.0f ms | %.0f ms | %.0f ms | %.0f ms | %s |",
            r.p50Ms(),
            r.p95Ms(),
            r.p99Ms(),
            r.maxMs(),
            load));
    flush();
  }

  void engine(CordonRun.Result r, int steps) {
    line(
        String.format(
            Locale.ROOT,
            "\n### Engine overhead (%,d accounts, zero latency, unthrottled)\n",
            r.accounts()));
    line("| account-steps/s | accounts/s | wall time |");
    line("|---|---|---|");
    line(
        String.format(
            Locale.ROOT,
            "| %.0f | %.1f | %.1f s |",
            r.accounts() * steps / r.seconds(),
            r.accountsPerSecond(),
            r.seconds()));
    flush();
  }

  void line(String line) {
    text.append(line).append('\n');
    System.out.println(line);
  }

  void write() {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      System.err.println("Cannot write " + file + ": " + e);
    }
  }

  private void flush() {
    write();
    System.out.flush();
  }

  private static String rss(Map<String, Long> rss) {
    StringBuilder text = new StringBuilder();
    rss.forEach((name, mib) -> text.append(name).append(' ').append(mib).append(" MiB, "));
    return text.substring(0, Math.max(0, text.length() - 2));
  }

  private static String fmt(double scale) {
    return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
  }
}
