package io.cordon.commons.worker;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Threads that repeat a unit of durable work (claim due rows, act, record) as long as there is
 * some, idle for a poll interval when there is none, and wake up early when told new work arrived
 * or when waiting work becomes due. The poll is only a safety net, so idle workers take turns: one
 * of them looks per interval, and wakes the others when it finds work. Optionally they also run a
 * periodic check once every poll interval (see {@link #everyPollInterval}).
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
  private PeriodicCheck periodic;
  // System.nanoTime() from which an idle worker whose interval ran out may look (the others idle
  // on)
  private final AtomicLong idleLookDue = new AtomicLong();
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
    this.periodic = new PeriodicCheck(name, check, idlePoll.toNanos());
    return this;
  }

  public synchronized void start() {
    running = true;
    stopped = new CountDownLatch(1);
    idleLookDue.set(System.nanoTime());
    if (periodic != null) {
      periodic.start();
    }
    executor = Executors.newFixedThreadPool(threads, daemonThreads(name));
    for (int i = 0; i < threads; i++) {
      executor.execute(this::loop);
    }
    timer = Executors.newSingleThreadScheduledExecutor(daemonThreads(name + "-timer"));
  }

  private static ThreadFactory daemonThreads(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
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
    boolean idleLook = false;
    while (running) {
      try {
        runPeriodicIfDue();
        boolean foundWork = running && round.run();
        if (foundWork && idleLook) {
          // work that nobody woke the workers for: the others help, as they would have found it
          wakeUp();
        }
        idleLook = false;
        if (!foundWork && running) {
          idleLook = idle();
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
   * Waits for a wake-up, the periodic check's turn, or the poll interval, whichever comes first;
   * when the interval ran out and another worker already looks for this one, waits on. True when
   * this worker looks because its interval ran out (not because it was woken).
   */
  private boolean idle() throws InterruptedException {
    while (true) {
      long wait = idlePoll.toNanos();
      if (periodic != null) {
        wait = Math.min(wait, periodic.nanosUntilDue());
      }
      boolean woken = wait <= 0 || wakeUps.tryAcquire(wait, TimeUnit.NANOSECONDS);
      wakeUps.drainPermits();
      if (!running) {
        // the permits a graceful stop released may just have been drained: pass the stop on to
        // the workers still idling
        wakeUps.release(threads);
        return false;
      }
      if (woken || periodicIsDue()) {
        return false;
      }
      if (takeIdleLook()) {
        return true;
      }
    }
  }

  private boolean periodicIsDue() {
    return periodic != null && periodic.nanosUntilDue() <= 0;
  }

  // due again half an interval on: the workers' intervals run out at different moments, and the
  // next to run out after that looks, so the workers look about once per interval between them
  private boolean takeIdleLook() {
    long due = idleLookDue.get();
    long now = System.nanoTime();
    return now - due >= 0 && idleLookDue.compareAndSet(due, now + idlePoll.toNanos() / 2);
  }

  private void runPeriodicIfDue() {
    if (periodic != null) {
      periodic.runIfDue();
    }
  }
}
