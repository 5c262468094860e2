package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.playbook.service.run.Dispatcher;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Several engine instances share one database. Each instance's poller calls the same dispatcher in
 * its own transactions; here four more callers race the application's own poller for the same due
 * executions, as four more instances would.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class ConcurrentDispatchTest {
  private static final int ACCOUNTS = 400;
  private static final int INSTANCES = 4;

  @Inject Dispatcher dispatcher;

  @Test
  void enginesRacingOnOneDatabaseDispatchEachActionExactlyOnce() throws Exception {
    Runs.putPlaybook(
        """
        name: test-dispatch-race
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
        """);
    String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    AtomicBoolean racing = new AtomicBoolean(true);
    ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
    List<Future<Integer>> dispatchedPerInstance = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      dispatchedPerInstance.add(
          instances.submit(
              () -> {
                int dispatched = 0;
                while (racing.get()) {
                  // small batches: many short transactions overlapping each other
                  int batch = dispatcher.dispatchDue(7);
                  dispatched += batch;
                  if (batch == 0) {
                    // an idle poller waits a little; four spinning ones would starve two cores
                    Thread.sleep(5);
                  }
                }
                return dispatched;
              }));
    }
    try {
      List<ResolvedAccount> accounts =
          IntStream.range(0, ACCOUNTS).mapToObj(i -> Accounts.account(prefix, i)).toList();
      String runId = Runs.start("test-dispatch-race", "INC-" + prefix, accounts);

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  Runs.queryLong(
                          "select count(*) from step_execution where run_id = ? and state = 'IN_PROGRESS'",
                          runId)
                      == ACCOUNTS);
      racing.set(false);
      int byRacers = 0;
      for (Future<Integer> dispatched : dispatchedPerInstance) {
        byRacers += dispatched.get(30, TimeUnit.SECONDS);
      }

      // one ActionRequested per action, written with the state change that dispatched it
      assertThat(actionRequests(runId, "count(*)")).isEqualTo(ACCOUNTS);
      assertThat(actionRequests(runId, "count(distinct payload::jsonb ->> 'actionId')"))
          .isEqualTo(ACCOUNTS);
      assertThat(
              Runs.queryLong(
                  "select count(*) from step_execution where run_id = ? and dispatches <> 1",
                  runId))
          .isZero();
      // the racers did take part: the rows were shared, not serialised behind one of them
      assertThat(byRacers).isPositive();
    } finally {
      racing.set(false);
      instances.shutdown();
      instances.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private static long actionRequests(String runId, String aggregate) {
    return Runs.queryLong(
        "select "
            + aggregate
            + " from outbox_message where topic = 'cordon.account-actions'"
            + " and payload::jsonb ->> 'runId' = ?",
        runId);
  }
}
