package io.cordon.notification.rest;

import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.notification.service.TaxiiCredentials;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Admins issue (and, issuing again, rotate) or revoke a partner's TAXII credential. The token is in
 * this one response only; Cordon keeps its digest.
 */
@Path("/api/v1/partners/{id}/taxii-credential")
@Produces(MediaType.APPLICATION_JSON)
public class TaxiiCredentialResource {
  @Inject TaxiiCredentials credentials;
  @Inject CurrentPrincipal principal;

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response issue(@PathParam("id") String id, UriInfo uri) {
    TaxiiCredentials.Issued issued = credentials.issue(partnerId(id), principal.name());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", issued.partnerId().toString());
    body.put("password", issued.token());
    body.put("issuedAt", issued.issuedAt());
    body.put("apiRoot", uri.getBaseUriBuilder().path("taxii2/partners").build() + "/");
    body.put("collectionId", issued.partnerId().toString());
    return Response.status(Response.Status.CREATED)
        .entity(body)
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @RolesAllowed(Roles.ADMIN)
  public Response revoke(@PathParam("id") String id) {
    credentials.revoke(partnerId(id));
    return Response.noContent().build();
  }

  private static UUID partnerId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw io.cordon.notification.service.PartnerService.notFound(id);
    }
  }
}
