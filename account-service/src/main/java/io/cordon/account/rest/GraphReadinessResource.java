package io.cordon.account.rest;

import io.cordon.account.service.readiness.GraphReadiness;
import io.cordon.account.service.readiness.ReadinessService;
import io.cordon.account.service.tenant.TenantService;
import io.cordon.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Whether the app registration may do what the playbooks ask, checked before an incident. */
@Path("/api/v1/graph/readiness")
@Produces(MediaType.APPLICATION_JSON)
public class GraphReadinessResource {
  @Inject ReadinessService readiness;
  @Inject TenantService tenants;

  @GET
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary =
          "The app's Graph permissions and directory roles against what each action needs, in the"
              + " named tenant (default: the default tenant); reads only")
  public GraphReadiness get(@QueryParam("tenant") String tenant) {
    return tenant == null || tenant.isBlank()
        ? readiness.check()
        : readiness.check(tenants.named(tenant));
  }
}
