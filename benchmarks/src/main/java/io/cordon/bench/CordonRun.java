package io.cordon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.Stack;
import io.cordon.local.demo.CordonApi;
import io.cordon.local.demo.IncidentFollower;
import io.cordon.local.demo.SimulatorApi;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cordon end to end: a CSV report posted as responder with {@code playbook=}, then followed until
 * the run is final (every action complete). Graph traffic comes from the simulator's counters.
 */
final class CordonRun {
  private static final Set<String> FINAL =
      Set.of("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);

  private final Stack stack;
  private final CordonApi api;
  private final SimulatorApi simulator;
  private final IncidentFollower follower;
  private final Consumer<String> progress;

  record Result(
      int accounts,
      double seconds,
      String state,
      long graphRequests,
      long throttled,
      Map<String, Long> peakRssMib,
      Map<String, Double> cpuSeconds,
      Instant submittedAt,
      JsonNode counts,
      Map<String, String> timeline,
      List<String> identityProtectionCalls,
      JsonNode run) {
    double accountsPerSecond() {
      return accounts / seconds;
    }
  }

  CordonRun(Stack stack, CordonApi api, SimulatorApi simulator, Consumer<String> progress) {
    this.stack = stack;
    this.api = api;
    this.simulator = simulator;
    this.progress = progress;
    this.follower =
        new IncidentFollower(
            api,
            stack.serviceUrl("account-service"),
            stack.serviceUrl("playbook-service"),
            stack.serviceUrl("notification-service"),
            stack.roleToken("viewer"),
            progress);
  }

  Result run(String incidentId, String playbook, List<String> upns)
      throws IOException, InterruptedException {
    StringBuilder csv = new StringBuilder("account\n");
    upns.forEach(upn -> csv.append(upn).append('\n'));
    URI url =
        stack
            .serviceUrl("account-service")
            .resolve(
                "/api/v1/compromise-reports?incidentId="
                    + incidentId
                    + "&playbook="
                    + playbook
                    + "&severity=CRITICAL&title=Benchmark");
    Map<String, Double> cpuBefore = cpuSeconds(stack);
    Instant submittedAt = Instant.now();
    long started = System.nanoTime();
    JsonNode intake =
        CordonApi.expectSuccess(
                api.post(url, stack.roleToken("responder"), "text/csv", csv.toString()), url)
            .body();
    String reportId = intake.path("reportId").asText();
    progress.accept("  report " + reportId + ": " + intake.path("accepted").asInt() + " accepted");
    JsonNode run = follower.awaitRunOfReport(incidentId, reportId, RUN_TIMEOUT);
    String runId = run.path("id").asText();
    long lastPrint = 0;
    while (!FINAL.contains(run.path("state").asText())) {
      if (System.nanoTime() - started > RUN_TIMEOUT.toNanos()) {
        throw new IOException("run " + runId + " not final after " + RUN_TIMEOUT);
      }
      if (System.nanoTime() - lastPrint > 5_000_000_000L) {
        progress.accept(
            String.format("  %5.0f s  %s", (System.nanoTime() - started) / 1e9, steps(run)));
        lastPrint = System.nanoTime();
      }
      Thread.sleep(250);
      run = follower.run(runId);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    progress.accept(
        String.format("  %5.1f s  %s  %s", seconds, run.path("state").asText(), steps(run)));
    int inRun = run.path("accounts").asInt();
    if (inRun != upns.size()) {
      // e.g. accounts an earlier run still holds in an open incident are left out of this one:
      // a figure over fewer accounts than named would look faster than it was
      throw new IOException(
          "run " + runId + " holds " + inRun + " of the " + upns.size() + " accounts reported");
    }
    JsonNode counts = simulator.counts();
    JsonNode journal = simulator.journal(null, null);
    return new Result(
        upns.size(),
        seconds,
        run.path("state").asText(),
        counts.path("total").asLong(),
        counts.path("byStatus").path("429").asLong(),
        peakRss(stack),
        cpuUsed(cpuBefore, cpuSeconds(stack)),
        submittedAt,
        counts,
        timeline(journal, submittedAt),
        identityProtectionCalls(journal, submittedAt),
        run);
  }

  /**
   * Per Graph action: how many calls, and when the first and the last arrived (seconds after the
   * report was posted): where the wall time went.
   */
  static Map<String, String> timeline(JsonNode journal, Instant submittedAt) {
    Map<String, double[]> spans = new java.util.TreeMap<>();
    for (JsonNode entry : journal) {
      double at = secondsAfter(submittedAt, entry);
      double[] span =
          spans.computeIfAbsent(
              entry.path("action").asText(), a -> new double[] {Double.MAX_VALUE, 0, 0});
      span[0] = Math.min(span[0], at);
      span[1] = Math.max(span[1], at);
      span[2]++;
    }
    Map<String, String> timeline = new LinkedHashMap<>();
    spans.forEach(
        (action, span) ->
            timeline.put(
                action,
                String.format(
                    java.util.Locale.ROOT, "%.0f calls, %.1f–%.1f s", span[2], span[0], span[1])));
    return timeline;
  }

  /**
   * Each confirmCompromised or dismiss call (one per tenant and second at most): when the simulator
   * recorded it and how many users it named. A reset waits for its account's confirmation, so how
   * full these calls are decides when the last reset can leave.
   */
  static List<String> identityProtectionCalls(JsonNode journal, Instant submittedAt) {
    List<String> calls = new java.util.ArrayList<>();
    for (JsonNode entry : journal) {
      String action = entry.path("action").asText();
      if (action.equals("confirmCompromised") || action.equals("dismiss")) {
        double at = secondsAfter(submittedAt, entry);
        calls.add(
            String.format(
                java.util.Locale.ROOT,
                "%.2f s: %d users (%s)",
                at,
                entry.path("userIds").size(),
                entry.path("status").asText()));
      }
    }
    return calls;
  }

  /** When the simulator recorded a journal entry, in seconds after the report was posted. */
  private static double secondsAfter(Instant submittedAt, JsonNode entry) {
    return Duration.between(submittedAt, DetectionLatency.time(entry.path("time"))).toNanos() / 1e9;
  }

  static final List<String> PROCESSES =
      List.of("graph-simulator", "account-service", "playbook-service", "notification-service");

  static Map<String, Double> cpuSeconds(Stack stack) {
    Map<String, Double> cpu = new LinkedHashMap<>();
    for (String name : PROCESSES) {
      cpu.put(name, Machine.cpuSeconds(stack.process(name).pid()));
    }
    return cpu;
  }

  private static Map<String, Double> cpuUsed(
      Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> used = new LinkedHashMap<>();
    after.forEach((name, seconds) -> used.put(name, seconds - before.get(name)));
    return used;
  }

  static Map<String, Long> peakRss(Stack stack) {
    Map<String, Long> rss = new LinkedHashMap<>();
    for (String name :
        List.of("graph-simulator", "account-service", "playbook-service", "notification-service")) {
      rss.put(name, Machine.peakRssMib(stack.process(name).pid()));
    }
    return rss;
  }

  private static String steps(JsonNode run) {
    StringBuilder text = new StringBuilder();
    for (JsonNode step : run.path("steps")) {
      text.append(step.path("id").asText()).append(' ').append(step.path("counts")).append("  ");
    }
    return text.toString();
  }
}
