package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of each service at a random moment of a run, then a restart the way the local stack
 * starts it: the run still completes, Graph sees no action twice, each affected partner gets
 * exactly one notice.
 */
class CrashRecoveryIT extends ReliabilityDrill {
  @Test
  void killingAccountServiceMidRun() throws Exception {
    drillWithKillOf("account-service");
  }

  /**
   * The same kill in a Graph storm (503, 429, timeouts held past the client's timeout): the killed
   * instance's answered-but-unrecorded writes are released and checked in Graph's whole seconds,
   * and none takes effect twice.
   */
  @Test
  void killingAccountServiceMidRunInAGraphStorm() throws Exception {
    running.simulator.putFaults(GraphStormIT.STORM);
    try {
      drillWithKillOf("account-service", "account-service in a Graph storm");
    } finally {
      running.simulator.putFaults(GraphStormIT.CALM);
    }
  }

  @Test
  void killingPlaybookServiceMidRun() throws Exception {
    drillWithKillOf("playbook-service");
  }

  @Test
  void killingNotificationServiceMidRun() throws Exception {
    drillWithKillOf("notification-service");
  }

  private void drillWithKillOf(String service) throws Exception {
    drillWithKillOf(service, service);
  }

  private void drillWithKillOf(String service, String drill) throws Exception {
    IncidentDrill.Result result =
        new IncidentDrill(running)
            .run("kill-" + drill.replace(' ', '-'), csv, killAndRestart(service), affected);

    DrillChecks.GraphTraffic traffic = checks.graphTraffic();
    IncidentDrill.log(
        String.format(
            "FIGURES kill -9 %s: accounts=%d run=%s wall=%ds recovery=%ds graphRequests=%d"
                + " refused=%d notices=%s",
            drill,
            result.accounts().size(),
            result.run().path("state").asText(),
            result.wallTime().toSeconds(),
            result.recovery().toSeconds(),
            traffic.requests(),
            traffic.refused(),
            result.noticeIdsByPartner()));

    checks.runCompletedWithEveryAccount(result);
    checks.atMostOneEffectiveGraphCallPerAccountAndAction();
    assertThat(affected).as("the drill incident touches partners").isNotEmpty();
    checks.eachAffectedPartnerExactlyOneNoticeAndOneFollowUp(result, affected);
  }

  /** SIGKILL, restart at once; recovery is the time from the kill until ready again. */
  static IncidentDrill.Disruption killAndRestart(String service) {
    return stack -> {
      long killedAt = System.nanoTime();
      stack.stack.process(service).kill();
      stack.stack.process(service).restart();
      stack.stack.awaitReady(service);
      return Duration.ofNanos(System.nanoTime() - killedAt);
    };
  }
}
