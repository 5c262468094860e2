package io.cordon.account.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.ActionType;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal.InnerRequest;
import io.cordon.testsupport.InjectGraphWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The documented write budget (3,000 per 150 s per app per tenant), scaled to 150 per 1.5 s so the
 * test takes seconds: the executor must never put more writes than that into any window.
 */
@QuarkusTest
@GraphExecutorResources
@TestProfile(ExecutorBudgetTest.CompressedBudget.class)
class ExecutorBudgetTest {
  static final int WRITES_PER_WINDOW = 150;
  static final Duration WINDOW = Duration.ofMillis(1500);

  @InjectGraphWireMock WireMockServer graph;

  /** Scale 1/20 and windows 1/100 of the documented ones. */
  public static class CompressedBudget implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "cordon.graph.budget.scale", "0.05",
          "cordon.graph.budget.window-scale", "0.01",
          "cordon.executor.batch-linger", "20ms");
    }
  }

  @Test
  void writesStayWithinTheBudgetInEverySlidingWindow() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    int actions = 3 * WRITES_PER_WINDOW;
    List<InnerRequest> writes;
    try (ActionTraffic traffic = new ActionTraffic()) {
      traffic.send(
          IntStream.range(0, actions)
              .mapToObj(u -> traffic.request(u, ActionType.REVOKE_SESSIONS))
              .toList());
      traffic.awaitCompletions(actions, Duration.ofSeconds(120));
      writes = traffic.ownRequests(graph);
    }

    assertThat(writes).hasSize(actions);
    for (InnerRequest start : writes) {
      long inWindow =
          writes.stream()
              .filter(w -> !w.receivedAt().isBefore(start.receivedAt()))
              .filter(w -> w.receivedAt().isBefore(start.receivedAt().plus(WINDOW)))
              .count();
      assertThat(inWindow)
          .as("writes in the window from %s", start.receivedAt())
          .isLessThanOrEqualTo(WRITES_PER_WINDOW);
    }
    // the budget binds: 450 writes need three windows, whatever the bursts
    Duration spread =
        Duration.between(writes.get(0).receivedAt(), writes.get(writes.size() - 1).receivedAt());
    assertThat(spread).isGreaterThanOrEqualTo(Duration.ofMillis(3000));
  }
}
