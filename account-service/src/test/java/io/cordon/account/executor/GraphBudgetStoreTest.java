package io.cordon.account.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.account.repository.GraphBudgetStore;
import io.cordon.account.repository.GraphBudgetStore.Attempt;
import io.cordon.account.repository.GraphBudgetStore.Window;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The budget counts like Entra: a sliding window that may be spent whole at once, then nothing
 * until the oldest spends age out — not a token bucket that holds back most of the window.
 */
@QuarkusTest
@GraphExecutorResources
class GraphBudgetStoreTest {
  static final Window WRITES = new Window("writes", 150, Duration.ofSeconds(30));

  @Inject GraphBudgetStore store;

  @Test
  void theWholeWindowMayBeSpentAtOnce() {
    String tenant = tenant();
    List<Long> spent = new ArrayList<>();
    for (int batch = 0; batch < 7; batch++) {
      Attempt attempt = spend(tenant, 20);
      assertThat(attempt.taken()).as("batch %d", batch).isTrue();
      spent.addAll(attempt.spendIds());
    }
    spent.addAll(spend(tenant, 10).spendIds());
    store.settle(spent);

    Attempt refused = spend(tenant, 1);

    assertThat(refused.taken()).isFalse();
    assertThat(refused.spendIds()).isEmpty();
    // the answered spends age out one window after their answers
    assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
  }

  @Test
  void aRequestStillWaitingForItsAnswerCountsInFullAndIsLookedAtAgainSoon() {
    String tenant = tenant();
    assertThat(spend(tenant, 150).taken()).isTrue();

    Attempt refused = spend(tenant, 1);

    assertThat(refused.taken()).isFalse();
    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void aRefusedAttemptSpendsNothing() {
    String tenant = tenant();
    assertThat(spend(tenant, 140).taken()).isTrue();
    assertThat(spend(tenant, 20).taken()).isFalse();
    assertThat(spend(tenant, 10).taken()).as("the refusal left the last 10 untouched").isTrue();
  }

  @Test
  void onlyTheOldestSpendsThatMakeRoomAreWaitedFor() throws Exception {
    String tenant = tenant();
    List<Long> first = new ArrayList<>(spend(tenant, 100).spendIds());
    // the first spend was answered 20 s later than it was made: it ages out 20 s later too
    store.settle(first);
    answeredLater(first, Duration.ofSeconds(20));
    store.settle(spend(tenant, 50).spendIds());

    Attempt refused = spend(tenant, 60);

    assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(51));
  }

  @Test
  void windowsOfOtherTenantsAreTheirOwn() {
    String tenant = tenant();
    assertThat(spend(tenant, 150).taken()).isTrue();
    assertThat(spend(tenant(), 150).taken()).isTrue();
  }

  @Test
  void theWindowsAreReckonedInTheDatabasesClock() throws Exception {
    String tenant = tenant();
    List<Long> spent = spend(tenant, 150).spendIds();
    store.settle(spent);
    // answered 25 s ago by the database's clock, whatever the JVM's says: room in about 5 s
    answeredLater(spent, Duration.ofSeconds(-25));

    Attempt refused = spend(tenant, 1);

    assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
  }

  /** Moves the spends' answer time by {@code shift} from what the database recorded. */
  private static void answeredLater(List<Long> spendIds, Duration shift) throws Exception {
    try (java.sql.Connection connection =
            io.cordon.testsupport.EmbeddedPostgresResource.dataSource().getConnection();
        java.sql.PreparedStatement update =
            connection.prepareStatement(
                "update graph_budget_spend set answered_at = answered_at"
                    + " + make_interval(secs => ?) where id = ?")) {
      for (long id : spendIds) {
        update.setDouble(1, shift.toMillis() / 1000.0);
        update.setLong(2, id);
        update.executeUpdate();
      }
    }
  }

  private Attempt spend(String tenant, int writes) {
    return store.trySpend(tenant, List.of(WRITES), new double[] {writes});
  }

  private static String tenant() {
    return "tenant-" + UUID.randomUUID();
  }
}
