package io.cordon.account.service.tenant;

import io.cordon.account.client.TenantDomains;
import io.cordon.account.config.AppCredential;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.service.readiness.GraphReadiness;
import io.cordon.account.service.readiness.ReadinessService;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The configured tenants with their domains and readiness, read only. */
@ApplicationScoped
public class TenantService {
  @Inject TenantRegistry tenants;
  @Inject TenantDomains domains;
  @Inject ReadinessService readiness;

  public List<TenantView> list() {
    return tenants.all().stream().map(this::view).toList();
  }

  /** The tenant of this name; an unknown one is a 400 naming the parameter. */
  public GraphTenant named(String name) {
    return tenants
        .byName(name)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.VALIDATION_FAILED,
                    "No tenant named " + name,
                    List.of(
                        new Problem.FieldError(
                            "tenant",
                            "is not a configured tenant; GET /api/v1/tenants lists them"))));
  }

  private TenantView view(GraphTenant tenant) {
    return new TenantView(
        tenant.name(),
        tenant.tenantId(),
        tenant.clientId(),
        tenant.credential().map(AppCredential::kind).orElse("none"),
        tenant.cloud().key(),
        tenant.isDefault(),
        tenant.size().name().toLowerCase(java.util.Locale.ROOT),
        List.copyOf(domains.of(tenant)),
        tenant.baseUrl(),
        tenant.authorityHost(),
        readinessOf(tenant));
  }

  private TenantView.Readiness readinessOf(GraphTenant tenant) {
    try {
      GraphReadiness checked = readiness.check(tenant);
      return new TenantView.Readiness(checked.ready(), checked.missing(), null);
    } catch (ProblemException e) {
      return new TenantView.Readiness(false, List.of(), e.getMessage());
    }
  }
}
