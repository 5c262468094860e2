package io.cordon.graphsim.service;

import io.cordon.graphsim.model.GraphRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The throttling of the tenant the running work is for: see {@link TenantThrottle}. */
@ApplicationScoped
public class Throttler {
  @Inject SimTenants tenants;

  public ThrottleSettings settings() {
    return tenants.current().throttle().settings();
  }

  /** New settings start with empty windows. */
  public void apply(ThrottleSettings next) {
    SimTenant tenant = tenants.current();
    tenant.throttle(new TenantThrottle(next, tenant.clientId(), tenant.id()));
  }

  public TenantThrottle.Verdict admit(GraphRequest request, long now) {
    return tenants.current().throttle().admit(request, now);
  }

  /** Current use of each window, for /_sim/throttle. */
  public Map<String, Object> usage(long now) {
    return tenants.current().throttle().usage(now);
  }
}
