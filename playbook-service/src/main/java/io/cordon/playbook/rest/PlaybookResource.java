package io.cordon.playbook.rest;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.playbook.model.DocumentFormat;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.PlaybookSummary;
import io.cordon.playbook.model.PlaybookVersionSummary;
import io.cordon.playbook.service.PlaybookCatalog;
import io.cordon.playbook.service.PlaybookDocuments;
import io.cordon.playbook.service.PlaybookVersioning;
import io.cordon.playbook.service.SaveOutcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Playbooks as code (DESIGN §3, §6): YAML or JSON in and out, every change a new version. */
@Path("/api/v1/playbooks")
@Produces(MediaType.APPLICATION_JSON)
public class PlaybookResource {
  @Inject PlaybookCatalog catalog;
  @Inject PlaybookDocuments documents;
  @Inject PlaybookVersioning versioning;
  @Inject CurrentPrincipal principal;

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "Playbooks by name, each with its latest version")
  public Page<PlaybookSummary> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return catalog.list(PageRequest.fromQuery(limit, cursor));
  }

  @GET
  @Path("/{name}")
  @Produces({
    PlaybookMediaTypes.JSON,
    PlaybookMediaTypes.YAML,
    PlaybookMediaTypes.X_YAML,
    PlaybookMediaTypes.TEXT_YAML,
    PlaybookMediaTypes.TEXT_X_YAML
  })
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "A playbook: the latest version, or the one ?version= names")
  @APIResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = PlaybookMediaTypes.JSON,
            schema = @Schema(implementation = Playbook.class)),
        @Content(mediaType = PlaybookMediaTypes.YAML)
      })
  public Response get(
      @PathParam("name") String name, @QueryParam("version") String version, HttpHeaders headers) {
    Playbook playbook =
        catalog.get(name, QueryParams.integer("version", version, 1, Integer.MAX_VALUE));
    return answer(Response.ok(), playbook, headers);
  }

  @GET
  @Path("/{name}/versions")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "A playbook's stored versions, newest first")
  public Page<PlaybookVersionSummary> versions(
      @PathParam("name") String name,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return catalog.versions(name, PageRequest.fromQuery(limit, cursor));
  }

  @PUT
  @Path("/{name}")
  @Consumes({
    PlaybookMediaTypes.JSON,
    PlaybookMediaTypes.YAML,
    PlaybookMediaTypes.X_YAML,
    PlaybookMediaTypes.TEXT_YAML,
    PlaybookMediaTypes.TEXT_X_YAML
  })
  @Produces({
    PlaybookMediaTypes.JSON,
    PlaybookMediaTypes.YAML,
    PlaybookMediaTypes.X_YAML,
    PlaybookMediaTypes.TEXT_YAML,
    PlaybookMediaTypes.TEXT_X_YAML
  })
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Store a playbook: 201 and a new version when the content changed, 200 when not")
  @RequestBody(content = @Content(schema = @Schema(implementation = Playbook.class)))
  public Response put(
      @PathParam("name") String name, String body, HttpHeaders headers, UriInfo uri) {
    return store(body, name, headers, uri);
  }

  @POST
  @Consumes({
    PlaybookMediaTypes.JSON,
    PlaybookMediaTypes.YAML,
    PlaybookMediaTypes.X_YAML,
    PlaybookMediaTypes.TEXT_YAML,
    PlaybookMediaTypes.TEXT_X_YAML
  })
  @Produces({
    PlaybookMediaTypes.JSON,
    PlaybookMediaTypes.YAML,
    PlaybookMediaTypes.X_YAML,
    PlaybookMediaTypes.TEXT_YAML,
    PlaybookMediaTypes.TEXT_X_YAML
  })
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Store a playbook named in the body; behaves like PUT")
  @RequestBody(content = @Content(schema = @Schema(implementation = Playbook.class)))
  public Response post(String body, HttpHeaders headers, UriInfo uri) {
    return store(body, null, headers, uri);
  }

  private Response store(String body, String pathName, HttpHeaders headers, UriInfo uri) {
    Playbook playbook =
        documents.read(body, PlaybookMediaTypes.of(headers.getMediaType()), pathName);
    SaveOutcome outcome = versioning.save(playbook, principal.name());
    Playbook stored = outcome.playbook();
    if (!outcome.created()) {
      return answer(Response.ok(), stored, headers);
    }
    return answer(
        Response.created(
            uri.getBaseUriBuilder()
                .path("api/v1/playbooks/{name}")
                .queryParam("version", stored.version())
                .build(stored.name())),
        stored,
        headers);
  }

  private Response answer(
      Response.ResponseBuilder builder, Playbook playbook, HttpHeaders headers) {
    MediaType type = PlaybookMediaTypes.negotiate(headers.getAcceptableMediaTypes());
    DocumentFormat format = PlaybookMediaTypes.formatOf(type);
    Object entity = format == DocumentFormat.JSON ? playbook : documents.render(playbook, format);
    return builder.type(type).entity(entity).build();
  }
}
