package io.cordon.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "cordon.executor")
public interface ExecutorConfig {
  /** Off only where a test drives the ledger by hand. */
  @WithDefault("true")
  boolean enabled();

  /**
   * Per-user batches in flight at once per instance; as many threads again send Identity Protection
   * calls, so one waiting for its budget never holds a per-user thread.
   */
  @WithDefault("4")
  int workers();

  /**
   * Resolution {@code $batch}es (10 accounts each) in flight at once per instance: a report of
   * thousands is read within its resource-unit budget in seconds, not one round trip after another.
   */
  @WithDefault("8")
  int resolutionWorkers();

  /**
   * Actions that make their own Graph calls (clean-up listings and removals, Temporary Access
   * Passes) running side by side per instance: their reads wait out refusals in place, and one held
   * read must not hold up every other action of its claim.
   */
  @WithDefault("16")
  int ownCallWorkers();

  /** How often idle workers look for work: a safety net, new work and lingers' ends wake them. */
  @WithDefault("200ms")
  Duration idlePoll();

  /** How long a partial batch waits for more requests before it leaves anyway. */
  @WithDefault("50ms")
  Duration batchLinger();

  /**
   * A claim's lease: a live executor extends it four times per lease; once it runs out the claim's
   * executor is taken for dead and another instance checks Graph and finishes the action.
   */
  @WithDefault("20s")
  Duration claimLease();

  /** User ids per confirmCompromised call (Identity Protection allows one call per second). */
  @WithDefault("100")
  int confirmCompromisedPerCall();
}
