package io.cordon.account.rest;

import io.cordon.account.service.tenant.TenantService;
import io.cordon.account.service.tenant.TenantView;
import io.cordon.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The Entra tenants this deployment acts in (configuration, read only; never a secret). */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {
  @Inject TenantService tenants;

  @GET
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary =
          "The configured Entra tenants: id, cloud, domains, size, default and Graph readiness;"
              + " reads only")
  public List<TenantView> list() {
    return tenants.list();
  }
}
