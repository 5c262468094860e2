package io.cordon.commons.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Idle workers run their next round when told, not only once the (here: hour-long) poll is up; a
 * periodic check runs once a poll interval whatever the rounds do; a graceful stop lets a round
 * finish but waits for no idle worker.
 */
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

  @Test
  void thePeriodicCheckRunsAtTheStartAndNotOnWakeUps() {
    AtomicInteger checks = new AtomicInteger();
    workers = idleWorkers(1, checks::incrementAndGet);
    awaitIdle(1);
    assertThat(checks.get()).isEqualTo(1);

    for (int wakeUps = 1; wakeUps <= 3; wakeUps++) {
      int roundsBefore = rounds.get();
      workers.wakeUp();
      await().atMost(Duration.ofSeconds(20)).until(() -> rounds.get() > roundsBefore);
    }

    // three wake-ups ran three rounds, and the check waits for its hour
    assertThat(checks.get()).isEqualTo(1);
  }

  @Test
  void thePeriodicCheckRunsOncePerPollIntervalWhileRoundsKeepFindingWork() {
    Duration poll = Duration.ofMillis(100);
    AtomicInteger checks = new AtomicInteger();
    long started = System.nanoTime();
    workers =
        new PollingWorkers(
                "test-workers",
                1,
                poll,
                () -> {
                  rounds.incrementAndGet();
                  Thread.sleep(5);
                  return true; // always busy: the workers never idle
                })
            .everyPollInterval(checks::incrementAndGet);
    workers.start();

    // busy rounds do not hold it off...
    await().atMost(Duration.ofSeconds(20)).until(() -> checks.get() >= 4);
    int seen = checks.get();
    long elapsed = System.nanoTime() - started;

    // ...nor make it run more than once per interval (the first run is at the start)
    assertThat(seen).isLessThanOrEqualTo((int) (elapsed / poll.toNanos()) + 1);
    assertThat(rounds.get()).isGreaterThan(seen);
  }

  @Test
  void aGracefulStopLetsTheRoundInFlightFinish() throws InterruptedException {
    CountDownLatch inRound = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    AtomicBoolean interrupted = new AtomicBoolean();
    workers =
        new PollingWorkers(
            "test-workers",
            1,
            HOUR,
            () -> {
              inRound.countDown();
              try {
                Thread.sleep(300); // a transaction about to commit
                finished.set(true);
              } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
              }
              return true; // more work: only the stop ends the loop
            });
    workers.start();
    assertThat(inRound.await(20, TimeUnit.SECONDS)).isTrue();

    workers.stopGracefully(Duration.ofSeconds(20));

    assertThat(finished).isTrue();
    assertThat(interrupted).isFalse();
  }

  @Test
  void aRoundThatOutlastsTheGraceIsInterrupted() throws InterruptedException {
    CountDownLatch inRound = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    workers =
        new PollingWorkers(
            "test-workers",
            1,
            HOUR,
            () -> {
              inRound.countDown();
              try {
                Thread.sleep(HOUR.toMillis());
              } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
              }
              return false;
            });
    workers.start();
    assertThat(inRound.await(20, TimeUnit.SECONDS)).isTrue();

    workers.stopGracefully(Duration.ofMillis(200));

    await().atMost(Duration.ofSeconds(20)).untilTrue(interrupted);
  }

  @Test
  void aGracefulStopDoesNotWaitForIdleWorkers() {
    workers = idleWorkers(3);
    awaitIdle(3);

    long started = System.nanoTime();
    workers.stopGracefully(Duration.ofMinutes(1));

    // an hour's idle and a minute's grace: only waking the idle workers ends it this soon
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aGracefulStopDoesNotWaitForAWorkerPausingAfterAFailure() {
    workers =
        new PollingWorkers(
            "test-workers",
            1,
            HOUR,
            () -> {
              rounds.incrementAndGet();
              throw new IllegalStateException("database away");
            });
    workers.start();
    awaitIdle(1);

    long started = System.nanoTime();
    workers.stopGracefully(Duration.ofMinutes(1));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(rounds.get()).isEqualTo(1);
  }

  @Test
  void idleWorkersLookAboutOncePerPollIntervalBetweenThem() throws InterruptedException {
    workers = polling(4, Duration.ofMillis(100), () -> false);
    awaitIdle(4);
    int before = rounds.get();

    Thread.sleep(1_000);

    // ten intervals: about ten looks between the four workers (before: each looked every interval,
    // some forty); fewer when the machine is slow, never one per worker and interval
    assertThat(rounds.get() - before).isBetween(1, 20);
  }

  @Test
  void anIdleLookThatFindsWorkWakesTheOtherWorkers() {
    AtomicInteger work = new AtomicInteger();
    java.util.Set<Long> busyThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    workers =
        polling(
            3,
            Duration.ofMillis(200),
            () -> {
              if (work.getAndUpdate(w -> Math.max(0, w - 1)) == 0) {
                return false;
              }
              busyThreads.add(Thread.currentThread().getId());
              Thread.sleep(50);
              return true;
            });
    awaitIdle(3);

    // nobody is told: only an idle look can find it
    work.set(30);

    await().atMost(Duration.ofSeconds(20)).until(() -> work.get() == 0);
    assertThat(busyThreads).hasSizeGreaterThan(1);
  }

  /** Workers whose rounds count and then do {@code round}. */
  private PollingWorkers polling(int threads, Duration idlePoll, PollingWorkers.Round round) {
    PollingWorkers polling =
        new PollingWorkers(
            "test-workers",
            threads,
            idlePoll,
            () -> {
              rounds.incrementAndGet();
              return round.run();
            });
    polling.start();
    return polling;
  }

  /** Workers that never find work: every round counts and returns false. */
  private PollingWorkers idleWorkers(int threads) {
    return idleWorkers(threads, null);
  }

  /** The same, with a periodic check (none if null). */
  private PollingWorkers idleWorkers(int threads, Runnable periodicCheck) {
    PollingWorkers idle =
        new PollingWorkers(
            "test-workers",
            threads,
            HOUR,
            () -> {
              rounds.incrementAndGet();
              return false;
            });
    if (periodicCheck != null) {
      idle.everyPollInterval(periodicCheck);
    }
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
