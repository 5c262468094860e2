package io.cordon.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.demo.CordonApi;
import io.cordon.local.demo.PartnerInbox;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One incident run end to end with the built-in playbook while something goes wrong: the CSV is
 * submitted as a responder, approvals are decided by a second person, and a disruption (a kill, an
 * outage, a Graph storm) strikes on its own thread at a random moment once the run has started.
 * Every read tolerates a service that is down: the drill keeps asking until the run is final.
 */
final class IncidentDrill {
  /**
   * Bigger incidents take longer: 12 min for the CI size, a minute more per further 100 accounts.
   */
  private static final Duration RUN_TIMEOUT =
      Duration.ofMinutes(12 + Math.max(0, ReliabilityStack.ACCOUNTS - 100) / 100);

  /**
   * The disruption strikes within the first 6 s of a 100-account run, and proportionally later in a
   * bigger one, so that it still lands mid-run rather than always in its first moments.
   */
  private static final long LATEST_STRIKE_MILLIS =
      6000L * Math.max(1, ReliabilityStack.ACCOUNTS / 100);

  private static final Set<String> FINAL =
      Set.of("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED");

  /** What strikes mid-run; returns how long the system took to be whole again (or zero). */
  interface Disruption {
    Duration strike(RunningStack running) throws Exception;
  }

  record Result(
      String incidentId,
      JsonNode intake,
      JsonNode report,
      JsonNode run,
      List<JsonNode> accounts,
      Duration wallTime,
      Duration recovery,
      Map<String, Set<String>> noticeIdsByPartner) {}

  private final RunningStack running;

  IncidentDrill(RunningStack running) {
    this.running = running;
  }

  Result run(String name, Path csv, Disruption disruption, Set<String> affectedPartners)
      throws Exception {
    String incidentId = "INC-REL-" + name + "-" + System.currentTimeMillis();
    Instant started = Instant.now();
    JsonNode intake = submit(incidentId, csv);
    Result result;
    try {
      result = follow(name, incidentId, started, intake, disruption, affectedPartners);
    } catch (Exception | AssertionError failure) {
      // closed also when the drill failed: the next drill reports the same accounts
      try {
        close(incidentId);
      } catch (Exception | AssertionError notClosed) {
        failure.addSuppressed(notClosed);
      }
      throw failure;
    }
    close(incidentId);
    return result;
  }

  private Result follow(
      String name,
      String incidentId,
      Instant started,
      JsonNode intake,
      Disruption disruption,
      Set<String> affectedPartners)
      throws Exception {
    String reportId = intake.path("reportId").asText();
    JsonNode report =
        patiently(
            Duration.ofMinutes(8),
            () -> running.follower.awaitReportSettled(reportId, Duration.ofMinutes(8)));
    JsonNode run =
        patiently(
            Duration.ofMinutes(3),
            () -> running.follower.awaitRunOfReport(incidentId, reportId, Duration.ofMinutes(3)));
    String runId = run.path("id").asText();

    AtomicReference<Duration> recovery = new AtomicReference<>(Duration.ZERO);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread striker = null;
    if (disruption != null) {
      long delay = ThreadLocalRandom.current().nextLong(500, LATEST_STRIKE_MILLIS);
      striker =
          new Thread(
              () -> {
                try {
                  Thread.sleep(delay);
                  log(name + ": disruption strikes " + delay + " ms after the run started");
                  recovery.set(disruption.strike(running));
                  log(name + ": whole again after " + recovery.get().toMillis() + " ms");
                } catch (Throwable e) {
                  failure.set(e);
                }
              },
              "disruption-" + name);
      striker.start();
    }
    run = followToTheEnd(runId);
    if (striker != null) {
      striker.join(Duration.ofMinutes(6).toMillis());
      if (failure.get() != null) {
        throw new AssertionError("the disruption itself failed", failure.get());
      }
    }
    Map<String, Set<String>> notices = awaitNotices(incidentId, affectedPartners);
    List<JsonNode> accounts =
        patiently(Duration.ofMinutes(1), () -> running.follower.runAccounts(runId));
    return new Result(
        incidentId,
        intake,
        report,
        run,
        accounts,
        Duration.between(started, Instant.now()),
        recovery.get(),
        notices);
  }

  /**
   * Closes the drill's incident as a responder would once it is over: every drill submits the same
   * accounts, and while an incident holding them is open a new report only attaches evidence.
   */
  private void close(String incidentId) throws Exception {
    URI url =
        running
            .stack
            .serviceUrl("playbook-service")
            .resolve("/api/v1/incidents/" + incidentId + "/close");
    patiently(
        Duration.ofMinutes(2),
        () ->
            CordonApi.expectSuccess(
                running.api.post(
                    url,
                    running.token("responder"),
                    "application/json",
                    "{\"reason\":\"drill over\"}"),
                url));
  }

  private JsonNode submit(String incidentId, Path csv) throws IOException, InterruptedException {
    URI url =
        running
            .stack
            .serviceUrl("account-service")
            .resolve(
                "/api/v1/compromise-reports?incidentId="
                    + incidentId
                    + "&title="
                    + URLEncoder.encode("Reliability drill", StandardCharsets.UTF_8)
                    + "&severity=CRITICAL");
    CordonApi.Answer answer =
        running.api.post(url, running.token("responder"), "text/csv", Files.readString(csv));
    return CordonApi.expectSuccess(answer, url).body();
  }

  private JsonNode followToTheEnd(String runId) throws Exception {
    Set<String> decided = new HashSet<>();
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        JsonNode run = running.follower.run(runId);
        if (FINAL.contains(run.path("state").asText())) {
          return run;
        }
        if (run.path("counts").path("WAITING_APPROVAL").asInt() > 0) {
          for (JsonNode approval : running.follower.pendingApprovals(runId)) {
            String id = approval.path("id").asText();
            if (!decided.contains(id)) {
              CordonApi.Answer answer =
                  running.follower.decide(
                      runId, approval, running.token("approver"), "Drill approval");
              // a 409 is an approval that more accounts joined since it was read, or one already
              // decided: read again, it is no longer pending once decided
              if (answer.status() / 100 == 2) {
                decided.add(id);
              }
            }
          }
        }
      } catch (IOException serviceDown) {
        log("run " + runId + " not readable right now: " + serviceDown.getMessage());
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(
        "run " + runId + " not final after " + RUN_TIMEOUT.toMinutes() + " min");
  }

  /**
   * Waits until every affected partner received both notices of the incident (the first, and the
   * follow-up when its accounts were contained), then a little longer so a duplicate would show,
   * and returns the distinct notice ids each partner received.
   */
  private Map<String, Set<String>> awaitNotices(String incidentId, Set<String> affected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline && !bothNotices(noticeIds(incidentId), affected)) {
      Thread.sleep(1000);
    }
    Thread.sleep(5000);
    return noticeIds(incidentId);
  }

  private static boolean bothNotices(Map<String, Set<String>> ids, Set<String> affected) {
    return affected.stream().allMatch(key -> ids.getOrDefault(key, Set.of()).size() >= 2);
  }

  Map<String, Set<String>> noticeIds(String incidentId) {
    Map<String, Set<String>> ids = new java.util.TreeMap<>();
    for (Map.Entry<String, PartnerInbox> inbox : running.receiver.inboxes().entrySet()) {
      for (JsonNode notice : inbox.getValue().notices()) {
        if (notice.path("data").path("incident").path("id").asText().equals(incidentId)) {
          ids.computeIfAbsent(inbox.getKey(), k -> new java.util.TreeSet<>())
              .add(notice.path("data").path("noticeId").asText());
        }
      }
    }
    return ids;
  }

  interface Call<T> {
    T call() throws IOException, InterruptedException;
  }

  /** Retries a call that fails because a service is down or restarting. */
  static <T> T patiently(Duration timeout, Call<T> call) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return call.call();
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        log("retrying after: " + e.getMessage());
        Thread.sleep(1000);
      }
    }
  }

  static void log(String line) {
    System.out.println("[drill] " + line);
  }
}
