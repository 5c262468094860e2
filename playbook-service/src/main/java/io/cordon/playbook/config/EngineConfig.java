package io.cordon.playbook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The run engine (docs/playbooks.md "Runs"); tests shorten the intervals. */
@ConfigMapping(prefix = "cordon.engine")
public interface EngineConfig {

  /** How often each instance looks for due work: dispatches, retries, timeouts, expiries. */
  @WithDefault("1s")
  Duration pollInterval();

  /** Executions dispatched per transaction; a full batch is followed by another at once. */
  @WithDefault("500")
  int dispatchBatchSize();

  /** Dispatch right after a commit that made work due, instead of waiting for the next poll. */
  @WithDefault("true")
  boolean dispatchOnCommit();

  /** How long one attempt may take when its step gives no {@code timeout}. */
  @WithDefault("15m")
  Duration defaultStepTimeout();

  /**
   * How long a notify step waits for its partners' delivery results when the step gives no {@code
   * waitForDelivery}; zero ends notify steps as soon as the request is handed over.
   */
  @WithDefault("5m")
  Duration defaultWaitForDelivery();

  /** How often the Server-Sent Events stream of a run looks for progress. */
  @WithDefault("1s")
  Duration eventsInterval();

  /**
   * How long an event stream may stay silent before the server writes a comment: a client gone
   * without closing its connection is noticed by the failed write, and proxies keep the stream.
   */
  @WithDefault("15s")
  Duration eventsKeepAlive();

  /** The most runs one event stream ({@code GET /api/v1/runs/events}) follows. */
  @WithDefault("50")
  int maxRunsPerEventStream();

  /** The most accounts {@code POST /api/v1/runs} takes in one run. */
  @WithDefault("50000")
  int maxAccountsPerRun();

  /** How many of its accounts an approval lists for the approver (all are counted). */
  @WithDefault("100")
  int approvalAccountPreview();

  /** Whether this instance runs the poller at all (an API-only instance may switch it off). */
  @WithDefault("true")
  boolean pollerEnabled();
}
