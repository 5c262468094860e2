package io.cordon.account.service;

import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import java.time.Duration;

/**
 * What to do with a ledger row after a decision or a Graph answer: finish it with an outcome, or
 * try again after a delay.
 */
public record Verdict(
    ActionOutcome outcome, ReasonCode reason, String message, Duration retryAfter) {

  public static Verdict finish(ActionOutcome outcome, ReasonCode reason, String message) {
    return new Verdict(outcome, reason, message, null);
  }

  public static Verdict retry(Duration after, ReasonCode reason, String message) {
    return new Verdict(null, reason, message, after);
  }

  public boolean isFinal() {
    return outcome != null;
  }
}
