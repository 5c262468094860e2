package io.cordon.account.service.execution;

import io.cordon.account.client.ClockOffset;
import io.cordon.account.client.GraphClock;
import io.cordon.account.config.ExecutorConfig;
import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.ClaimTime;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The claims this instance holds, kept alive by a heartbeat that extends their lease a few times
 * per lease; when the instance dies the heartbeat stops and another instance takes the work over
 * once the lease runs out (seconds, not minutes).
 */
@ApplicationScoped
public class ClaimLeases {
  private static final Logger LOG = Logger.getLogger(ClaimLeases.class);

  @Inject ExecutorConfig config;
  @Inject ActionLedger ledger;
  @Inject GraphClock clock;

  // fencing tokens, not action ids: a claim this instance lost is not kept alive. Counted: a
  // claiming worker and the pool it hands a row to each hold it, and it lives until both let go
  private final Map<Long, Integer> held = new ConcurrentHashMap<>();
  private ScheduledExecutorService heartbeat;

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    long period = heartbeatPeriod().toMillis();
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "cordon-claim-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
  }

  /** Now, in the local clock and in Graph's as last measured: the time to stamp a claim with. */
  public ClaimTime now() {
    ClockOffset offset = clock.offset();
    return ClaimTime.now(offset.min(), offset.max());
  }

  public Duration lease() {
    return config.claimLease();
  }

  /** How often held claims are extended: four times per lease, so one missed beat is harmless. */
  public Duration heartbeatPeriod() {
    return config.claimLease().dividedBy(4);
  }

  public void hold(List<ActionLedgerEntity> rows) {
    ActionLedger.tokensOf(rows).forEach(token -> held.merge(token, 1, Integer::sum));
  }

  public void letGo(Collection<ActionLedgerEntity> rows) {
    ActionLedger.tokensOf(rows)
        .forEach(
            token ->
                held.computeIfPresent(token, (key, holders) -> holders > 1 ? holders - 1 : null));
  }

  private void beat() {
    try {
      if (!held.isEmpty()) {
        ledger.extendLeases(List.copyOf(held.keySet()), config.claimLease());
      }
    } catch (RuntimeException e) {
      LOG.warnf("Could not extend the leases of %d claimed actions: %s", held.size(), e.toString());
    }
  }
}
