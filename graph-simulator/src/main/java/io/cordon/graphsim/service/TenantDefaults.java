package io.cordon.graphsim.service;

import io.cordon.graphsim.config.SimConfig;
import java.util.List;
import java.util.Locale;

/**
 * What every tenant starts with (and returns to on reset): the configured throttling and faults.
 */
final class TenantDefaults {
  private TenantDefaults() {}

  /** {@code sim.throttle.*}; tenant size {@code auto} by the tenant's own user count. */
  static ThrottleSettings throttle(SimConfig.Throttle t, int users) {
    String size = t.tenantSize().toLowerCase(Locale.ROOT);
    if (size.equals("auto")) {
      size = users < 50 ? "small" : users <= 500 ? "medium" : "large";
    }
    return new ThrottleSettings(
        t.enabled(),
        size,
        t.scale(),
        t.windowScale(),
        t.writesPer150s(),
        t.identityProtectionPerSecond(),
        t.mailboxRequestsPer10Minutes());
  }

  static FaultSettings faults(SimConfig.Faults f) {
    return new FaultSettings(
        f.latency().toMillis(),
        f.jitter().toMillis(),
        f.unavailableProbability(),
        f.internalErrorProbability(),
        f.throttleProbability(),
        f.throttleRetryAfterSeconds(),
        f.timeoutProbability(),
        f.timeoutHold().toMillis(),
        f.dropProbability(),
        f.applyToBatchItems());
  }

  static List<String> directoryRoles(SimConfig.Auth auth) {
    return auth.directoryRoles().stream()
        .map(String::strip)
        .filter(r -> !r.isEmpty() && !r.equalsIgnoreCase("none"))
        .toList();
  }

  /** Back to the seed and to the start-up settings. */
  static void restore(SimTenant tenant, SimConfig config) {
    tenant.resetDirectory();
    tenant.throttle(
        new TenantThrottle(
            throttle(config.throttle(), tenant.userCount()), tenant.clientId(), tenant.id()));
    tenant.faults(faults(config.faults()));
    tenant.roles(config.auth().roles());
    tenant.directoryRoles(directoryRoles(config.auth()));
  }
}
