package io.cordon.playbook.rest;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.playbook.mapping.IncidentAccountView;
import io.cordon.playbook.mapping.IncidentListItem;
import io.cordon.playbook.mapping.IncidentView;
import io.cordon.playbook.model.TimelineEntry;
import io.cordon.playbook.service.incident.AccountRelease;
import io.cordon.playbook.service.incident.IncidentClosing;
import io.cordon.playbook.service.incident.IncidentQueries;
import io.cordon.playbook.service.run.PrincipalRef;
import io.cordon.playbook.service.run.RunQueries;
import io.cordon.playbook.service.run.RunStarter;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Incidents (DESIGN §11): the reports, runs and accounts of one attack, and closing it. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {
  @Inject IncidentQueries queries;
  @Inject IncidentClosing closing;
  @Inject CurrentPrincipal principal;
  @Inject RunStarter starter;
  @Inject RunQueries runs;
  @Inject AccountRelease release;
  @Inject JsonWebToken token;

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "Incidents, newest first; ?state= OPEN, CONTAINED, CLOSED (comma-separated)")
  public Page<IncidentListItem> list(
      @QueryParam("state") String state,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return queries.list(IncidentRequests.states(state), PageRequest.fromQuery(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(
      summary =
          "An incident: state, its reports and runs, and how many accounts are in each"
              + " containment state")
  public IncidentView get(@PathParam("id") String id) {
    return queries.get(IncidentRequests.key("id", id));
  }

  @POST
  @Path("/{id}/close")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RESPONDER)
  @Operation(summary = "Close an incident; the reason is required and recorded")
  public IncidentView close(@PathParam("id") String id, CloseRequest body) {
    closing.close(
        IncidentRequests.key("id", id), principal.name(), IncidentRequests.closeReason(body));
    return queries.get(id);
  }

  @GET
  @Path("/{id}/accounts")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "The incident's accounts and their containment; ?state= filters")
  public Page<IncidentAccountView> accounts(
      @PathParam("id") String id,
      @QueryParam("state") String state,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return queries.accounts(
        IncidentRequests.key("id", id),
        IncidentRequests.containmentStates(state),
        PageRequest.fromQuery(limit, cursor));
  }

  @POST
  @Path("/{id}/accounts/{objectId}/release")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RESPONDER)
  @Operation(
      summary =
          "Let a contained account back in (release-account: enabled again if Cordon disabled it,"
              + " risk dismissed) once a second person approved; 202 and the run's Location")
  public Response release(
      @PathParam("id") String id,
      @PathParam("objectId") String objectId,
      ReleaseRequest body,
      UriInfo uri) {
    String reason = IncidentRequests.releaseReason(body);
    String runId =
        release.request(
            IncidentRequests.key("id", id),
            IncidentRequests.key("objectId", objectId),
            new PrincipalRef(principal.name(), principal.id()),
            reason,
            token.getRawToken());
    return Response.accepted(runs.get(runId))
        .location(uri.getBaseUriBuilder().path("api/v1/runs/{id}").build(runId))
        .build();
  }

  @POST
  @Path("/{id}/accounts/{objectId}/recontain")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RESPONDER)
  @Operation(
      summary =
          "Contain an account of the incident again (new run, reason ACTIVITY_AFTER_CONTAINMENT);"
              + " 202 and the run's Location")
  public Response recontain(
      @PathParam("id") String id,
      @PathParam("objectId") String objectId,
      RecontainRequest body,
      UriInfo uri) {
    String reason = IncidentRequests.recontainReason(body);
    String runId =
        starter.recontain(
            IncidentRequests.key("id", id),
            IncidentRequests.key("objectId", objectId),
            new PrincipalRef(principal.name(), principal.id()),
            reason);
    return Response.accepted(runs.get(runId))
        .location(uri.getBaseUriBuilder().path("api/v1/runs/{id}").build(runId))
        .build();
  }

  @GET
  @Path("/{id}/timeline")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "Who did what when in the incident, from the audit log, oldest first")
  public Page<TimelineEntry> timeline(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return queries.timeline(IncidentRequests.key("id", id), PageRequest.fromQuery(limit, cursor));
  }
}
