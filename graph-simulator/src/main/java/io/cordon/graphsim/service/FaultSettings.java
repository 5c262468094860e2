package io.cordon.graphsim.service;

/**
 * Injected latency and failures (changeable at run time). Probabilities are 0..1 and drawn once per
 * HTTP request (and, when {@code applyToBatchItems}, once per request inside a $batch for 5xx and
 * 429). Durations are milliseconds.
 */
public record FaultSettings(
    Long latencyMs,
    Long jitterMs,
    Double unavailableProbability,
    Double internalErrorProbability,
    Double throttleProbability,
    Integer throttleRetryAfterSeconds,
    Double timeoutProbability,
    Long timeoutHoldMs,
    Double dropProbability,
    Boolean applyToBatchItems) {

  public FaultSettings merge(FaultSettings c) {
    return new FaultSettings(
        c.latencyMs != null ? c.latencyMs : latencyMs,
        c.jitterMs != null ? c.jitterMs : jitterMs,
        c.unavailableProbability != null ? c.unavailableProbability : unavailableProbability,
        c.internalErrorProbability != null ? c.internalErrorProbability : internalErrorProbability,
        c.throttleProbability != null ? c.throttleProbability : throttleProbability,
        c.throttleRetryAfterSeconds != null
            ? c.throttleRetryAfterSeconds
            : throttleRetryAfterSeconds,
        c.timeoutProbability != null ? c.timeoutProbability : timeoutProbability,
        c.timeoutHoldMs != null ? c.timeoutHoldMs : timeoutHoldMs,
        c.dropProbability != null ? c.dropProbability : dropProbability,
        c.applyToBatchItems != null ? c.applyToBatchItems : applyToBatchItems);
  }

  /** The name of the first invalid field, or null. */
  public String invalidField() {
    if (latencyMs < 0) {
      return "latencyMs";
    }
    if (jitterMs < 0) {
      return "jitterMs";
    }
    if (!probability(unavailableProbability)) {
      return "unavailableProbability";
    }
    if (!probability(internalErrorProbability)) {
      return "internalErrorProbability";
    }
    if (!probability(throttleProbability)) {
      return "throttleProbability";
    }
    if (throttleRetryAfterSeconds < 0) {
      return "throttleRetryAfterSeconds";
    }
    if (!probability(timeoutProbability)) {
      return "timeoutProbability";
    }
    if (timeoutHoldMs < 0) {
      return "timeoutHoldMs";
    }
    if (!probability(dropProbability)) {
      return "dropProbability";
    }
    double sum =
        unavailableProbability
            + internalErrorProbability
            + throttleProbability
            + timeoutProbability
            + dropProbability;
    return sum > 1.0 + 1e-9 ? "probabilities (sum above 1)" : null;
  }

  private static boolean probability(double p) {
    return p >= 0 && p <= 1;
  }
}
