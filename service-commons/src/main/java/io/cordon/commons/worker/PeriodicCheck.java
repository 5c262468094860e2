package io.cordon.commons.worker;

import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A check the workers run once every poll interval, counted from the end of its previous run, one
 * worker at a time (see {@link PollingWorkers#everyPollInterval}).
 */
final class PeriodicCheck {
  private static final Logger LOG = Logger.getLogger(PeriodicCheck.class);

  private final String name;
  private final Runnable check;
  private final long intervalNanos;
  // System.nanoTime() at which the check is due next
  private final AtomicLong due = new AtomicLong();

  PeriodicCheck(String name, Runnable check, long intervalNanos) {
    this.name = name;
    this.check = check;
    this.intervalNanos = intervalNanos;
  }

  /** Due at once: the check runs first thing when the workers start. */
  void start() {
    due.set(System.nanoTime());
  }

  /** Nanoseconds until it is due (zero or less: due). */
  long nanosUntilDue() {
    return due.get() - System.nanoTime();
  }

  void runIfDue() {
    long dueAt = due.get();
    long now = System.nanoTime();
    // claiming the run pushes the due time out, so the other workers neither run it too nor spin
    if (now - dueAt < 0 || !due.compareAndSet(dueAt, now + intervalNanos)) {
      return;
    }
    try {
      check.run();
    } catch (RuntimeException e) {
      LOG.warnf("%s periodic check failed, retrying on the next poll: %s", name, e.toString());
    } finally {
      due.set(System.nanoTime() + intervalNanos);
    }
  }
}
