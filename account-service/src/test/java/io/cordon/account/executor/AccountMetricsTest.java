package io.cordon.account.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.InjectGraphWireMock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The executor's meters: outcomes per action, Graph answers per status, budget and batches. */
@QuarkusTest
@GraphExecutorResources
class AccountMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @InjectGraphWireMock WireMockServer graph;
  @Inject MeterRegistry meters;
  ActionTraffic traffic;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
    traffic = new ActionTraffic();
  }

  @AfterEach
  void tearDown() {
    traffic.close();
  }

  @Test
  void throttledAndSucceededActionsAreCountedPerStatusAndOutcome() {
    GraphBatchStub stub = GraphBatchStub.graphBatch();
    for (int user : List.of(2, 5)) {
      stub.throttle("POST", traffic.userId(user) + "/revokeSignInSessions", 1, 429, 200);
    }
    stub.install(graph);
    double succeededBefore = count("cordon.actions.completed", "outcome", "SUCCEEDED");
    double throttledBefore = count("cordon.graph.requests", "status", "429");
    double okBefore = count("cordon.graph.requests", "status", "200");
    long batchesBefore = batches();
    long waitsBefore = waits();
    List<ActionRequested> requests =
        IntStream.range(0, 10)
            .mapToObj(u -> traffic.request(u, ActionType.REVOKE_SESSIONS))
            .toList();

    traffic.send(requests);
    Map<String, ActionCompleted> completions = traffic.awaitCompletions(10, WAIT);

    assertThat(completions.values()).allMatch(c -> c.outcome() == ActionOutcome.SUCCEEDED);
    // at least: actions replayed from an earlier test app's topic tail may add to the counts
    assertThat(count("cordon.actions.completed", "outcome", "SUCCEEDED") - succeededBefore)
        .isGreaterThanOrEqualTo(10);
    assertThat(
            meters
                .get("cordon.actions.completed")
                .tags("action", "REVOKE_SESSIONS", "outcome", "SUCCEEDED")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(10);
    assertThat(count("cordon.graph.requests", "status", "429") - throttledBefore)
        .isGreaterThanOrEqualTo(2);
    assertThat(count("cordon.graph.requests", "status", "200") - okBefore)
        .isGreaterThanOrEqualTo(10);
    // the first batch and the retry of the two throttled requests
    assertThat(batches() - batchesBefore).isGreaterThanOrEqualTo(2);
    assertThat(waits() - waitsBefore).isGreaterThanOrEqualTo(2);
  }

  private double count(String name, String tag, String value) {
    return meters.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
  }

  private long batches() {
    DistributionSummary summary = meters.find("cordon.graph.batch.size").summary();
    return summary == null ? 0 : summary.count();
  }

  private long waits() {
    Timer timer = meters.find("cordon.graph.budget.wait").timer();
    return timer == null ? 0 : timer.count();
  }
}
