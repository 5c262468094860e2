package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL, then the Kafka broker, stopped for 30 s in the middle of a run (the local stack runs
 * one PostgreSQL server with the three services' databases, so all three lose theirs): every
 * service reports not-ready while it is down and ready again afterwards without being restarted,
 * and the run completes with the same guarantees as without the outage.
 */
class DependencyOutageIT extends ReliabilityDrill {
  private static final List<String> SERVICES =
      List.of("account-service", "playbook-service", "notification-service");
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @Test
  void aThirtySecondPostgresOutageMidRunIsRiddenOut() throws Exception {
    rideOut(
        "postgres", () -> running.stack.postgres().stop(), () -> running.stack.postgres().start());
  }

  /**
   * PostgreSQL killed (SIGKILL of the postmaster and its backends, no shutdown) while batches are
   * in flight in a Graph storm, back 3 s later: answered writes whose outcome was never recorded
   * are released after their lease and checked in Graph before anything is sent again.
   */
  @Test
  void aPostgresKilledWithBatchesInFlightLosesAndRepeatsNothing() throws Exception {
    running.simulator.putFaults(GraphStormIT.STORM);
    try {
      IncidentDrill.Disruption crash =
          stack -> {
            long killedAt = System.nanoTime();
            stack.stack.postgres().crash();
            Thread.sleep(3000);
            stack.stack.postgres().start();
            return everyServiceReadySince(killedAt);
          };
      IncidentDrill.Result result =
          new IncidentDrill(running).run("postgres-kill", csv, crash, affected);

      checks.runCompletedWithEveryAccount(result);
      var effective = checks.atMostOneEffectiveGraphCallPerAccountAndAction();
      checks.eachAffectedPartnerExactlyOneNoticeAndOneFollowUp(result, affected);
      DrillChecks.GraphTraffic traffic = checks.graphTraffic();
      IncidentDrill.log(
          String.format(
              "FIGURES postgres kill -9 in a Graph storm: accounts=%d run=%s wall=%ds"
                  + " ready-again-after=%ds graphRequests=%d refused=%d effective=%d",
              result.accounts().size(),
              result.run().path("state").asText(),
              result.wallTime().toSeconds(),
              result.recovery().toSeconds(),
              traffic.requests(),
              traffic.refused(),
              effective.size()));
    } finally {
      running.simulator.putFaults(GraphStormIT.CALM);
    }
  }

  @Test
  void aThirtySecondKafkaOutageMidRunIsRiddenOut() throws Exception {
    rideOut("kafka", () -> running.stack.kafka().stop(), () -> running.stack.kafka().start());
  }

  private void rideOut(String dependency, Runnable stop, Runnable start) throws Exception {
    Map<String, Long> pids = new ConcurrentHashMap<>();
    SERVICES.forEach(s -> pids.put(s, running.stack.process(s).pid()));
    Map<String, Boolean> sawNotReady = new ConcurrentHashMap<>();
    IncidentDrill.Disruption outage =
        stack -> {
          stop.run();
          long stoppedAt = System.nanoTime();
          while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
            for (String service : SERVICES) {
              if (readiness(service) == 503) {
                sawNotReady.put(service, true);
              }
            }
            Thread.sleep(1000);
          }
          start.run();
          return everyServiceReadySince(System.nanoTime());
        };

    IncidentDrill.Result result =
        new IncidentDrill(running).run(dependency + "-outage", csv, outage, affected);

    assertThat(sawNotReady)
        .as("services that reported not-ready during the outage")
        .containsOnlyKeys(SERVICES);
    for (String service : SERVICES) {
      assertThat(running.stack.process(service).pid())
          .as("%s recovered without a restart", service)
          .isEqualTo(pids.get(service));
    }
    checks.runCompletedWithEveryAccount(result);
    var effective = checks.atMostOneEffectiveGraphCallPerAccountAndAction();
    checks.eachAffectedPartnerExactlyOneNoticeAndOneFollowUp(result, affected);
    DrillChecks.GraphTraffic traffic = checks.graphTraffic();
    IncidentDrill.log(
        String.format(
            "FIGURES %s outage %ds: accounts=%d run=%s wall=%ds ready-again-after=%ds"
                + " graphRequests=%d refused=%d effective=%d",
            dependency,
            OUTAGE.toSeconds(),
            result.accounts().size(),
            result.run().path("state").asText(),
            result.wallTime().toSeconds(),
            result.recovery().toSeconds(),
            traffic.requests(),
            traffic.refused(),
            effective.size()));
  }

  /** Waits until every service is ready (3 minutes at most); the time since {@code since}. */
  private static Duration everyServiceReadySince(long since) throws InterruptedException {
    for (String service : SERVICES) {
      while (readiness(service) != 200) {
        assertThat(Duration.ofNanos(System.nanoTime() - since))
            .as("%s ready again", service)
            .isLessThan(Duration.ofMinutes(3));
        Thread.sleep(500);
      }
    }
    return Duration.ofNanos(System.nanoTime() - since);
  }

  private static int readiness(String service) {
    try {
      URI url = running.stack.readyUrl(service);
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception unreachable) {
      return -1;
    }
  }
}
