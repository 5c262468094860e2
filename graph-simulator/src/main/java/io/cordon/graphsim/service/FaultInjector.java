package io.cordon.graphsim.service;

import io.cordon.graphsim.model.GraphResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides, per request, the injected latency and whether it fails, and how, by the fault settings
 * of the tenant the request is for.
 */
@ApplicationScoped
public class FaultInjector {
  @Inject SimTenants tenants;

  /** What happens to one request. */
  public enum Fault {
    NONE,
    UNAVAILABLE,
    INTERNAL_ERROR,
    THROTTLED,
    TIMEOUT,
    DROP
  }

  public FaultSettings settings() {
    return tenants.current().faults();
  }

  public void apply(FaultSettings next) {
    tenants.current().faults(next);
  }

  public long latencyMs() {
    FaultSettings s = settings();
    long jitter = s.jitterMs() > 0 ? ThreadLocalRandom.current().nextLong(s.jitterMs() + 1) : 0;
    return s.latencyMs() + jitter;
  }

  /** For a whole HTTP request: any fault. */
  public Fault forRequest() {
    FaultSettings s = settings();
    double draw = ThreadLocalRandom.current().nextDouble();
    double edge = s.dropProbability();
    if (draw < edge) {
      return Fault.DROP;
    }
    edge += s.timeoutProbability();
    if (draw < edge) {
      return Fault.TIMEOUT;
    }
    return answerFault(s, draw - edge);
  }

  /** For one request inside a $batch: only faults that have an answer (5xx, 429). */
  public Fault forBatchItem() {
    FaultSettings s = settings();
    if (!s.applyToBatchItems()) {
      return Fault.NONE;
    }
    return answerFault(s, ThreadLocalRandom.current().nextDouble());
  }

  private static Fault answerFault(FaultSettings s, double draw) {
    double edge = s.unavailableProbability();
    if (draw < edge) {
      return Fault.UNAVAILABLE;
    }
    edge += s.internalErrorProbability();
    if (draw < edge) {
      return Fault.INTERNAL_ERROR;
    }
    edge += s.throttleProbability();
    return draw < edge ? Fault.THROTTLED : Fault.NONE;
  }

  public GraphResponse answer(Fault fault) {
    return switch (fault) {
      case UNAVAILABLE ->
          GraphErrors.error(
                  503, "serviceNotAvailable", "The service is temporarily unavailable. (injected)")
              .withHeader("Retry-After", String.valueOf(settings().throttleRetryAfterSeconds()));
      case INTERNAL_ERROR ->
          GraphErrors.error(
              500, "generalException", "An internal server error occurred. (injected)");
      case THROTTLED ->
          GraphErrors.error(429, "TooManyRequests", "Too many requests. (injected)")
              .withHeader("Retry-After", String.valueOf(settings().throttleRetryAfterSeconds()))
              .withHeader("x-ms-throttle-information", "InjectedFault");
      default -> throw new IllegalArgumentException(fault + " has no answer");
    };
  }
}
