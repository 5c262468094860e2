package io.cordon.notification.service;

import io.cordon.commons.worker.PollingWorkers;
import io.cordon.notification.config.NotificationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Finds due deliveries and hands them to a bounded pool of attempt threads. Polls every poll
 * interval (work left by a restart, another instance, or a schedule coming due), right after a
 * commit made new deliveries due, and when an attempt frees a thread that due work may be waiting
 * for. Claims only as many deliveries as it has free threads, so no claim waits in a queue while
 * its lease runs down.
 */
@ApplicationScoped
public class DeliveryPoller {
  private static final Logger LOG = Logger.getLogger(DeliveryPoller.class);

  @Inject DeliveryLedger ledger;
  @Inject DeliveryWorker worker;
  @Inject NotificationConfig config;

  // set while the poller may have left due deliveries for want of a free thread
  private final AtomicBoolean waitingForThread = new AtomicBoolean();
  private volatile PollingWorkers poller;
  private volatile ExecutorService attempts;
  private volatile Semaphore freeThreads;

  /** Starts once the schema is migrated, so the first poll finds the tables. */
  void onStart(@Observes StartupEvent event) {
    int concurrency = Math.max(1, config.delivery().concurrency());
    attempts = Executors.newFixedThreadPool(concurrency, attemptThreads());
    freeThreads = new Semaphore(concurrency);
    // as short as 10 ms: tests run the whole retry schedule in under a second
    Duration interval =
        Duration.ofMillis(Math.max(10, config.delivery().pollInterval().toMillis()));
    poller = new PollingWorkers("cordon-delivery-poll", 1, interval, this::claimForFreeThreads);
    poller.start();
  }

  void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesDue due) {
    PollingWorkers started = poller;
    if (started != null) {
      started.wakeUp();
    }
  }

  /** One poll; true when it claimed all it could take, so more may be due. */
  private boolean claimForFreeThreads() {
    // raised before counting: an attempt that ends after the count sees it and wakes the poller
    waitingForThread.set(true);
    int wanted = Math.min(freeThreads.availablePermits(), config.delivery().batchSize());
    if (wanted == 0) {
      return false;
    }
    waitingForThread.set(false);
    List<DeliveryClaim> claims = ledger.claimDue(wanted);
    for (DeliveryClaim claim : claims) {
      freeThreads.acquireUninterruptibly();
      attempts.execute(() -> attempt(claim));
    }
    return claims.size() == wanted;
  }

  private void attempt(DeliveryClaim claim) {
    try {
      worker.attempt(claim);
    } catch (RuntimeException e) {
      // the claim lease runs out and the delivery is attempted again
      LOG.warnf("Delivery %s attempt failed unexpectedly: %s", claim.deliveryId(), e.toString());
    } finally {
      freeThreads.release();
      if (waitingForThread.compareAndSet(true, false)) {
        poller.wakeUp();
      }
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (poller != null) {
      poller.stop();
      attempts.shutdownNow();
    }
  }

  private static ThreadFactory attemptThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "cordon-delivery-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
