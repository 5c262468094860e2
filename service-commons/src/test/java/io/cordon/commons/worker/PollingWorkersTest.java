package io.cordon.commons.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idle workers run their next round when told, not only once the (here: hour-long) poll is up. */
class PollingWorkersTest {
  private static final Duration HOUR = Duration.ofHours(1);

  private final AtomicInteger rounds = new AtomicInteger();
  private PollingWorkers workers;

  @AfterEach
  void stop() {
    if (workers != null) {
      workers.stop();
    }
  }

  @Test
  void wakeUpAfterRunsTheNextRoundOnceTheDelayIsUp() {
    workers = idleWorkers(2);
    awaitIdle(2);

    workers.wakeUpAfter(Duration.ofMillis(100));

    // the poll interval cannot deliver this round: only the requested wake-up can (it ends the
    // idle of at least one worker, as wakeUp does)
    await().atMost(Duration.ofSeconds(20)).until(() -> rounds.get() >= 3);
  }

  @Test
  void wakeUpAfterIsOneRoundNotAPollEveryFewMilliseconds() throws InterruptedException {
    workers = idleWorkers(1);
    awaitIdle(1);

    workers.wakeUpAfter(Duration.ofMillis(50));
    await().atMost(Duration.ofSeconds(20)).until(() -> rounds.get() >= 2);
    Thread.sleep(500);

    // once the wanted round ran, the worker idles for its poll interval again
    assertThat(rounds.get()).isEqualTo(2);
  }

  @Test
  void theEarliestRequestedWakeUpWins() {
    workers = idleWorkers(1);
    awaitIdle(1);

    workers.wakeUpAfter(HOUR.minusMinutes(1));
    workers.wakeUpAfter(Duration.ofMillis(50));

    await().atMost(Duration.ofSeconds(20)).until(() -> rounds.get() >= 2);
  }

  @Test
  void aLaterRequestDoesNotPostponeAPendingWakeUp() {
    workers = idleWorkers(1);
    awaitIdle(1);

    workers.wakeUpAfter(Duration.ofMillis(50));
    workers.wakeUpAfter(HOUR.minusMinutes(1));

    await().atMost(Duration.ofSeconds(20)).until(() -> rounds.get() >= 2);
  }

  @Test
  void wakeUpStillEndsTheIdleAtOnce() {
    workers = idleWorkers(1);
    awaitIdle(1);

    workers.wakeUp();

    await().atMost(Duration.ofSeconds(20)).until(() -> rounds.get() >= 2);
  }

  /** Workers that never find work: every round counts and returns false. */
  private PollingWorkers idleWorkers(int threads) {
    PollingWorkers idle =
        new PollingWorkers(
            "test-workers",
            threads,
            HOUR,
            () -> {
              rounds.incrementAndGet();
              return false;
            });
    idle.start();
    return idle;
  }

  /** Each thread ran its first round and is idling. */
  private void awaitIdle(int threads) {
    await().atMost(Duration.ofSeconds(20)).until(() -> rounds.get() >= threads);
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
