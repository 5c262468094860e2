package io.cordon.account.service.verdict;

import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import java.time.Duration;

/**
 * What to do with a ledger row after a decision or a Graph answer: finish it with an outcome, or
 * try again after a delay. {@code mayHaveApplied}: the write got no answer, so Graph may have
 * carried it out; the next attempt checks for its effect first.
 */
public record Verdict(
    ActionOutcome outcome,
    ReasonCode reason,
    String message,
    Duration retryAfter,
    boolean mayHaveApplied) {

  public static Verdict finish(ActionOutcome outcome, ReasonCode reason, String message) {
    return new Verdict(outcome, reason, message, null, false);
  }

  public static Verdict retry(Duration after, ReasonCode reason, String message) {
    return new Verdict(null, reason, message, after, false);
  }

  /** The same retry, for a write whose fate is unknown. */
  public Verdict unconfirmed() {
    return new Verdict(outcome, reason, message, retryAfter, true);
  }

  public boolean isFinal() {
    return outcome != null;
  }
}
