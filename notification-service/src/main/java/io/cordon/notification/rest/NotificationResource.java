package io.cordon.notification.rest;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.notification.mapping.NoticeView;
import io.cordon.notification.service.NotificationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Partner notices with their deliveries and attempts (DESIGN §3); redelivery for responders. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
  @Inject NotificationService notifications;
  @Inject CurrentPrincipal principal;

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  public Page<NoticeView> list(
      @QueryParam("incident") String incident,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    String incidentId = incident == null || incident.isBlank() ? null : incident.strip();
    return notifications.list(incidentId, PageRequest.fromQuery(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  public NoticeView get(@PathParam("id") String id) {
    return notifications.get(parseId(id));
  }

  /** Bodiless: WILDCARD, so a client sending no content type is not answered 415. */
  @POST
  @Path("/{id}/redeliver")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
  public Response redeliver(@PathParam("id") String id) {
    return Response.accepted(notifications.redeliver(parseId(id), principal.name())).build();
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw NotificationService.notFound(id);
    }
  }
}
