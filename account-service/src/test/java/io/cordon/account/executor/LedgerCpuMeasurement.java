package io.cordon.account.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.testsupport.CpuMeter;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.InjectGraphWireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no {@code Test} suffix): account-service's CPU per action, the figure
 * docs/benchmarks.md "Engine CPU per account-step" reports for the executor side. {@code
 * -Dledger.accounts} accounts (default 1,000) × revoke, reset and disable arrive as ActionRequested
 * over the embedded broker; WireMock answers every {@code $batch} at once. Counted: the service's
 * own threads, the whole test JVM (which also hosts the broker, WireMock and the test's reader) and
 * the embedded PostgreSQL. A JFR recording is left in target/ledger-cpu.jfr.
 *
 * <pre>./mvnw -q -B -ntp -pl account-service -am verify -Dtest=LedgerCpuMeasurement -DskipITs \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true -Dledger.accounts=1000</pre>
 */
@QuarkusTest
@GraphExecutorResources
class LedgerCpuMeasurement {
  private static final List<ActionType> ACTIONS =
      List.of(ActionType.REVOKE_SESSIONS, ActionType.RESET_PASSWORD, ActionType.DISABLE_ACCOUNT);
  private static final CpuMeter CPU =
      CpuMeter.ofService("kafka-producer-cordon-outbox", "kafka-consumer-account-actions");

  @InjectGraphWireMock WireMockServer graph;

  @Test
  void cpuPerAction() throws Exception {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    // one small flood first, so class loading and JIT warm-up are not billed to the measured one
    flood(100);

    int accounts = Integer.getInteger("ledger.accounts", 1000);
    try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      CpuMeter.Snapshot before = CPU.take();
      recording.start();
      long wallStart = System.nanoTime();
      Map<String, ActionCompleted> completions = flood(accounts);
      long wallNanos = System.nanoTime() - wallStart;
      recording.stop();
      CpuMeter.Snapshot after = CPU.take();
      recording.dump(Path.of("target", "ledger-cpu.jfr"));

      assertThat(completions.values()).allMatch(c -> c.outcome() == ActionOutcome.SUCCEEDED);
      long actions = completions.size();
      System.out.printf(
          "%nLEDGER-CPU accounts=%d actions=%d wall=%.1fs actions/s=%.1f%n",
          accounts, actions, wallNanos / 1e9, actions / (wallNanos / 1e9));
      CpuMeter.report("LEDGER-CPU", "action", actions, before, after);
    }
  }

  private static Map<String, ActionCompleted> flood(int accounts) {
    try (ActionTraffic traffic = new ActionTraffic()) {
      List<ActionRequested> requests = new ArrayList<>();
      for (int user = 0; user < accounts; user++) {
        for (ActionType action : ACTIONS) {
          requests.add(traffic.request(user, action));
        }
      }
      traffic.send(requests);
      return traffic.awaitCompletions(requests.size(), Duration.ofMinutes(20));
    }
  }
}
