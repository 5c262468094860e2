package io.cordon.account.rest;

import io.cordon.account.service.protection.ObjectIds;
import io.cordon.account.service.protection.ProtectedAccount;
import io.cordon.account.service.protection.ProtectedAccountService;
import io.cordon.account.service.protection.ProtectionKind;
import io.cordon.account.service.protection.ProtectionOverride;
import io.cordon.account.service.protection.ProtectionOverrideService;
import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Accounts and groups (break-glass accounts) that no automated action touches (DESIGN §11), and
 * time-limited overrides that need two people.
 */
@Path("/api/v1/protected-accounts")
@Produces(MediaType.APPLICATION_JSON)
public class ProtectedAccountResource {
  @Inject ProtectedAccountService protectedAccounts;
  @Inject ProtectionOverrideService overrides;
  @Inject CurrentPrincipal principal;

  @GET
  @RolesAllowed(Roles.ADMIN)
  public Page<ProtectedAccount> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return protectedAccounts.list(PageRequest.fromQuery(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  public ProtectedAccount get(@PathParam("id") String id) {
    return protectedAccounts.get(ObjectIds.parse("id", id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response put(
      @PathParam("id") String id, @NotNull @Valid ProtectedAccountRequest body, UriInfo uri) {
    String objectId = ObjectIds.parse("id", id);
    ProtectedAccountService.Saved saved =
        protectedAccounts.put(
            objectId,
            ProtectionKind.parse(body.kind()),
            body.reason().strip(),
            body.tenant() == null || body.tenant().isBlank() ? null : body.tenant().strip(),
            principal.name());
    if (!saved.created()) {
      return Response.ok(saved.entry()).build();
    }
    return Response.created(
            uri.getBaseUriBuilder().path("api/v1/protected-accounts/{id}").build(objectId))
        .entity(saved.entry())
        .build();
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  public Response delete(@PathParam("id") String id) {
    protectedAccounts.remove(ObjectIds.parse("id", id));
    return Response.noContent().build();
  }

  /** Asks for an override; it does nothing until another admin approves it. */
  @POST
  @Path("/{id}/override")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
  public Response requestOverride(
      @PathParam("id") String id, @NotNull @Valid OverrideRequest body) {
    ProtectionOverride requested =
        overrides.request(
            ObjectIds.parse("id", id), body.reason().strip(), body.minutes(), principal);
    return Response.status(Response.Status.CREATED).entity(requested).build();
  }

  @GET
  @Path("/{id}/override")
  @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
  public ProtectionOverride override(@PathParam("id") String id) {
    return overrides.current(ObjectIds.parse("id", id));
  }

  // bodiless: a class-level JSON @Consumes would answer 415 to a POST without a body
  @POST
  @Path("/{id}/override/approve")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.ADMIN)
  public ProtectionOverride approveOverride(@PathParam("id") String id) {
    return overrides.approve(ObjectIds.parse("id", id), principal);
  }

  @DELETE
  @Path("/{id}/override")
  @RolesAllowed(Roles.ADMIN)
  public ProtectionOverride endOverride(@PathParam("id") String id) {
    return overrides.end(ObjectIds.parse("id", id), principal.name());
  }
}
