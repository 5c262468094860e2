package io.cordon.commons.worker;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Threads that repeat a unit of durable work (claim due rows, act, record) as long as there is
 * some, idle for a poll interval when there is none, and wake up early when told new work arrived
 * or when waiting work becomes due.
 */
public final class PollingWorkers {
  private static final Logger LOG = Logger.getLogger(PollingWorkers.class);

  /** One round of work; returns false when nothing was due. */
  @FunctionalInterface
  public interface Round {
    boolean run() throws InterruptedException;
  }

  private final String name;
  private final int threads;
  private final Duration idlePoll;
  private final Round round;
  private final Semaphore wakeUps = new Semaphore(0);
  // System.nanoTime() of the pending timed wake-up (0: none); only the earliest one is kept
  private final AtomicLong timedWakeUp = new AtomicLong();
  private volatile boolean running;
  private ExecutorService executor;
  private ScheduledExecutorService timer;

  public PollingWorkers(String name, int threads, Duration idlePoll, Round round) {
    this.name = name;
    this.threads = threads;
    this.idlePoll = idlePoll;
    this.round = round;
  }

  public synchronized void start() {
    running = true;
    executor =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
    for (int i = 0; i < threads; i++) {
      executor.execute(this::loop);
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name + "-timer");
              thread.setDaemon(true);
              return thread;
            });
  }

  public synchronized void stop() {
    running = false;
    if (executor != null) {
      executor.shutdownNow();
      timer.shutdownNow();
    }
  }

  public void wakeUp() {
    wakeUps.release(threads);
  }

  /**
   * Wakes the workers once {@code delay} is up: work that is waiting now becomes due then, sooner
   * than the poll interval would look again. A wake-up already pending for no later covers it.
   */
  public synchronized void wakeUpAfter(Duration delay) {
    if (!running) {
      return;
    }
    long now = System.nanoTime();
    long at = now + Math.max(0, delay.toNanos());
    long pending = timedWakeUp.get();
    if (pending != 0 && pending - at <= 0) {
      return;
    }
    timedWakeUp.set(at);
    timer.schedule(
        () -> {
          timedWakeUp.compareAndSet(at, 0);
          wakeUp();
        },
        at - now,
        TimeUnit.NANOSECONDS);
  }

  private void loop() {
    while (running) {
      try {
        if (!round.run()) {
          wakeUps.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
          wakeUps.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the database or a remote service is away: keep trying, every poll interval
        LOG.warnf("%s round failed, retrying: %s", name, e.toString());
        try {
          Thread.sleep(idlePoll.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
