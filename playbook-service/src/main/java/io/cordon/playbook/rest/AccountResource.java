package io.cordon.playbook.rest;

import io.cordon.commons.security.Roles;
import io.cordon.playbook.mapping.AccountHistoryView;
import io.cordon.playbook.service.incident.AccountHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An account's history across incidents. DESIGN §3 places this path on account-service; the
 * containment state lives with the incidents here, so playbook-service serves it (docs/api.md).
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
  @Inject AccountHistory history;

  @GET
  @Path("/{objectIdOrUpn}")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(
      summary =
          "An account across incidents: containment state and since when, evidence, every action")
  public AccountHistoryView get(@PathParam("objectIdOrUpn") String objectIdOrUpn) {
    return history.of(IncidentRequests.key("objectIdOrUpn", objectIdOrUpn));
  }
}
