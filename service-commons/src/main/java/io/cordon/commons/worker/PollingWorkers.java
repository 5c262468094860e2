package io.cordon.commons.worker;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Threads that repeat a unit of durable work (claim due rows, act, record) as long as there is
 * some, idle for a poll interval when there is none, and wake up early when told new work arrived.
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
  private volatile boolean running;
  private ExecutorService executor;

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
  }

  public synchronized void stop() {
    running = false;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  public void wakeUp() {
    wakeUps.release(threads);
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
