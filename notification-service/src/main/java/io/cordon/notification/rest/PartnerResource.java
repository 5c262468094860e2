package io.cordon.notification.rest;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.notification.mapping.PartnerView;
import io.cordon.notification.service.PartnerService;
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
import java.util.UUID;

/** The partner registry (DESIGN §3): everyone with a role reads, admins write. */
@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {
  @Inject PartnerService partners;
  @Inject CurrentPrincipal principal;

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  public Page<PartnerView> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    Page<PartnerView> page = partners.list(PageRequest.fromQuery(limit, cursor));
    return new Page<>(page.items().stream().map(this::forCaller).toList(), page.next());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response create(@NotNull @Valid PartnerRequest body, UriInfo uri) {
    PartnerView created = partners.create(body.toDraft(), principal.name());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  public PartnerView get(@PathParam("id") String id) {
    return forCaller(partners.get(parseId(id)));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public PartnerView replace(@PathParam("id") String id, @NotNull @Valid PartnerRequest body) {
    return partners.replace(parseId(id), body.toDraft(), principal.name());
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  public Response delete(@PathParam("id") String id) {
    partners.delete(parseId(id));
    return Response.noContent().build();
  }

  /** A webhook URL may carry a token (query, userinfo): only admins read it in full. */
  private PartnerView forCaller(PartnerView partner) {
    return principal.hasRole(Roles.ADMIN) ? partner : partner.withRedactedWebhookUrl();
  }

  /** Anything that is not a UUID names no partner: 404 like an unknown one. */
  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw PartnerService.notFound(id);
    }
  }
}
