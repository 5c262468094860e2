package io.cordon.commons.worker;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
 * or when waiting work becomes due. Optionally they also run a periodic check once every poll
 * interval (see {@link #everyPollInterval}).
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
  private Runnable periodic;
  // System.nanoTime() at which the periodic check is due next
  private final AtomicLong periodicDue = new AtomicLong();
  private volatile boolean running;
  // ends the pause after a failed round when the workers stop
  private volatile CountDownLatch stopped = new CountDownLatch(0);
  private ExecutorService executor;
  private ScheduledExecutorService timer;

  public PollingWorkers(String name, int threads, Duration idlePoll, Round round) {
    this.name = name;
    this.threads = threads;
    this.idlePoll = idlePoll;
    this.round = round;
  }

  /**
   * Also runs {@code check} once every poll interval, counted from the end of its previous run:
   * work too costly to repeat on every wake-up (a query for what timed out, say). It runs on a
   * worker thread between rounds, first right at the start, one worker at a time, and neither
   * wake-ups nor busy rounds make it run more often or hold it off. Call before {@link #start()}.
   */
  public synchronized PollingWorkers everyPollInterval(Runnable check) {
    this.periodic = check;
    return this;
  }

  public synchronized void start() {
    running = true;
    stopped = new CountDownLatch(1);
    periodicDue.set(System.nanoTime());
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

  /** Stops at once: a round in flight is interrupted. */
  public synchronized void stop() {
    running = false;
    stopped.countDown();
    if (executor != null) {
      executor.shutdownNow();
      timer.shutdownNow();
    }
  }

  /**
   * Stops without interrupting a round in flight, so its transaction commits rather than being
   * repeated by the next instance; a round still running after {@code grace} is interrupted. Idle
   * workers stop at once. Returns once every worker stopped or was interrupted.
   */
  public void stopGracefully(Duration grace) {
    ExecutorService stopping;
    synchronized (this) {
      running = false;
      stopped.countDown();
      if (executor == null) {
        return;
      }
      timer.shutdownNow();
      executor.shutdown();
      stopping = executor;
    }
    wakeUps.release(threads);
    try {
      if (!stopping.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
        stopping.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.shutdownNow();
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
        runPeriodicIfDue();
        boolean foundWork = running && round.run();
        if (!foundWork && running) {
          idle();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the database or a remote service is away: keep trying, every poll interval
        LOG.warnf("%s round failed, retrying: %s", name, e.toString());
        try {
          stopped.await(idlePoll.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Waits for a wake-up, the poll interval, or the periodic check's turn, whichever comes first.
   */
  private void idle() throws InterruptedException {
    long wait = idlePoll.toNanos();
    if (periodic != null) {
      wait = Math.min(wait, periodicDue.get() - System.nanoTime());
    }
    if (wait > 0) {
      wakeUps.tryAcquire(wait, TimeUnit.NANOSECONDS);
    }
    wakeUps.drainPermits();
    if (!running) {
      // the permits a graceful stop released may just have been drained: pass the stop on to the
      // workers still idling
      wakeUps.release(threads);
    }
  }

  private void runPeriodicIfDue() {
    if (periodic == null) {
      return;
    }
    long due = periodicDue.get();
    long now = System.nanoTime();
    // claiming the run pushes the due time out, so the other workers neither run it too nor spin
    if (now - due < 0 || !periodicDue.compareAndSet(due, now + idlePoll.toNanos())) {
      return;
    }
    try {
      periodic.run();
    } catch (RuntimeException e) {
      LOG.warnf("%s periodic check failed, retrying on the next poll: %s", name, e.toString());
    } finally {
      periodicDue.set(System.nanoTime() + idlePoll.toNanos());
    }
  }
}
