package io.cordon.account.rest;

import io.cordon.account.service.protection.ObjectIds;
import io.cordon.account.service.recovery.PassStatus;
import io.cordon.account.service.recovery.RetrievedPass;
import io.cordon.account.service.recovery.TemporaryAccessPassVault;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sealed Temporary Access Passes (ISSUE_TEMPORARY_ACCESS_PASS, playbook {@code recover-account}):
 * the state of an account's latest pass for anyone who reads incidents, and the pass itself once,
 * for a {@code helpdesk} person, who hands it to the account's owner.
 */
@Path("/api/v1/temporary-access-passes")
@Produces(MediaType.APPLICATION_JSON)
public class TemporaryAccessPassResource {
  @Inject TemporaryAccessPassVault vault;
  @Inject CurrentPrincipal principal;

  @GET
  @Path("/{objectId}")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN, Roles.HELPDESK})
  public PassStatus status(@PathParam("objectId") String objectId) {
    return vault.status(ObjectIds.parse("objectId", objectId));
  }

  /**
   * Opens the pass once and erases it; a second call answers 410. Not cached by anyone on the way.
   */
  // bodiless: a class-level JSON @Consumes would answer 415 to a POST without a body
  @POST
  @Path("/{objectId}/retrieve")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.HELPDESK)
  public Response retrieve(@PathParam("objectId") String objectId) {
    RetrievedPass pass = vault.retrieve(ObjectIds.parse("objectId", objectId), principal.name());
    return Response.ok(pass)
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .build();
  }
}
