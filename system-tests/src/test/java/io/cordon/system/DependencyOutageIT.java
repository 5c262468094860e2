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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for 30 s in the middle of a run (the local stack runs one server with the
 * three services' databases, so all three lose theirs): every service reports not-ready while it is
 * down and ready again afterwards without being restarted, and the run completes with the same
 * guarantees as without the outage.
 */
@Disabled(
    "Defect found by this test: a DB error while consuming nacks the message and SmallRye's"
        + " default failure-strategy=fail stops the channel (playbook-service action-results:"
        + " SRMSG18203 fail-stop); the service stays not-ready until restarted"
        + " (docs/reliability.md)")
class DependencyOutageIT extends ReliabilityDrill {
  private static final List<String> SERVICES =
      List.of("account-service", "playbook-service", "notification-service");
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @Test
  void aThirtySecondPostgresOutageMidRunIsRiddenOut() throws Exception {
    Map<String, Long> pids = new ConcurrentHashMap<>();
    SERVICES.forEach(s -> pids.put(s, running.stack.process(s).pid()));
    Map<String, Boolean> sawNotReady = new ConcurrentHashMap<>();
    IncidentDrill.Disruption outage =
        stack -> {
          stack.stack.postgres().stop();
          long stoppedAt = System.nanoTime();
          while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
            for (String service : SERVICES) {
              if (readiness(service) == 503) {
                sawNotReady.put(service, true);
              }
            }
            Thread.sleep(1000);
          }
          stack.stack.postgres().start();
          long restartedAt = System.nanoTime();
          for (String service : SERVICES) {
            while (readiness(service) != 200) {
              assertThat(Duration.ofNanos(System.nanoTime() - restartedAt))
                  .as("%s ready again", service)
                  .isLessThan(Duration.ofMinutes(3));
              Thread.sleep(500);
            }
          }
          return Duration.ofNanos(System.nanoTime() - restartedAt);
        };

    IncidentDrill.Result result =
        new IncidentDrill(running).run("postgres-outage", csv, outage, affected);

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
    checks.eachAffectedPartnerExactlyOneNotice(result, affected);
    DrillChecks.GraphTraffic traffic = checks.graphTraffic();
    IncidentDrill.log(
        String.format(
            "FIGURES postgres outage %ds: accounts=%d run=%s wall=%ds ready-again-after=%ds"
                + " graphRequests=%d refused=%d effective=%d",
            OUTAGE.toSeconds(),
            result.accounts().size(),
            result.run().path("state").asText(),
            result.wallTime().toSeconds(),
            result.recovery().toSeconds(),
            traffic.requests(),
            traffic.refused(),
            effective.size()));
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
