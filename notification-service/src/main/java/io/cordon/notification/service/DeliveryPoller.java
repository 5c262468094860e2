package io.cordon.notification.service;

import io.cordon.notification.config.NotificationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Finds due deliveries and hands them to a bounded pool of attempt threads. Polls on a timer (work
 * left by a restart, another instance, or a schedule coming due) and right after a commit made new
 * deliveries due. Claims only as many deliveries as it has free threads, so no claim waits in a
 * queue while its lease runs down. Its own timer rather than {@code @Scheduled}, which cannot tick
 * faster than once a second: tests run the whole retry schedule in under a second.
 */
@ApplicationScoped
public class DeliveryPoller {
  private static final Logger LOG = Logger.getLogger(DeliveryPoller.class);

  @Inject DeliveryLedger ledger;
  @Inject DeliveryWorker worker;
  @Inject NotificationConfig config;

  private final AtomicBoolean pollRequested = new AtomicBoolean();
  private volatile ScheduledExecutorService poller;
  private volatile ExecutorService attempts;
  private volatile Semaphore freeThreads;

  /** Starts once the schema is migrated, so the first poll finds the tables. */
  void onStart(@Observes StartupEvent event) {
    int concurrency = Math.max(1, config.delivery().concurrency());
    poller = Executors.newSingleThreadScheduledExecutor(daemon("cordon-delivery-poll"));
    attempts = Executors.newFixedThreadPool(concurrency, daemon("cordon-delivery"));
    freeThreads = new Semaphore(concurrency);
    long interval = Math.max(10, config.delivery().pollInterval().toMillis());
    poller.scheduleWithFixedDelay(this::requestPoll, 0, interval, TimeUnit.MILLISECONDS);
  }

  void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesDue due) {
    requestPoll();
  }

  public void requestPoll() {
    if (poller != null && pollRequested.compareAndSet(false, true)) {
      try {
        poller.execute(this::poll);
      } catch (RuntimeException shuttingDown) {
        pollRequested.set(false);
      }
    }
  }

  private void poll() {
    pollRequested.set(false);
    try {
      int wanted = Math.min(freeThreads.availablePermits(), config.delivery().batchSize());
      if (wanted == 0) {
        return;
      }
      List<DeliveryClaim> claims = ledger.claimDue(wanted);
      for (DeliveryClaim claim : claims) {
        freeThreads.acquireUninterruptibly();
        attempts.execute(() -> run(claim));
      }
      if (claims.size() == wanted) {
        requestPoll(); // a full batch: more may be due
      }
    } catch (RuntimeException e) {
      LOG.warnf("Delivery poll failed, trying again on the next tick: %s", e.toString());
    }
  }

  private void run(DeliveryClaim claim) {
    try {
      worker.attempt(claim);
    } catch (RuntimeException e) {
      // the claim lease runs out and the delivery is attempted again
      LOG.warnf("Delivery %s attempt failed unexpectedly: %s", claim.deliveryId(), e.toString());
    } finally {
      freeThreads.release();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (poller != null) {
      poller.shutdownNow();
      attempts.shutdownNow();
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
