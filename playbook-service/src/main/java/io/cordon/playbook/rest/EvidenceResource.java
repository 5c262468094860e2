package io.cordon.playbook.rest;

import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.playbook.mapping.EvidenceCsv;
import io.cordon.playbook.mapping.EvidenceDocument;
import io.cordon.playbook.service.evidence.EvidenceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/incidents/{id}/evidence}: the incident's evidence as one JSON document, or its
 * timeline as CSV ({@code Accept: text/csv} or {@code ?format=csv}).
 */
@Path("/api/v1/incidents")
public class EvidenceResource {
  static final String TEXT_CSV = "text/csv";

  @Inject EvidenceService evidence;
  @Inject JsonWebToken token;
  @Inject CurrentPrincipal principal;

  @GET
  @Path("/{id}/evidence")
  @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
  @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
  @Operation(summary = "Evidence export of an incident across all services")
  public Response export(
      @PathParam("id") String incidentId,
      @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    if (incidentId.length() > 200 || incidentId.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.invalidField("id", "must be at most 200 printable characters");
    }
    boolean csv = wantsCsv(format, accept);
    EvidenceDocument document = evidence.collect(incidentId, token.getRawToken(), principal.name());
    if (!csv) {
      return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(EvidenceCsv.write(document), TEXT_CSV + "; charset=utf-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"evidence-"
                + incidentId.replaceAll("[^A-Za-z0-9._-]", "_")
                + ".csv\"")
        .build();
  }

  private static boolean wantsCsv(String format, String accept) {
    if (format != null) {
      return switch (format) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw ProblemException.invalidField("format", "must be json or csv");
      };
    }
    return accept != null
        && accept.contains(TEXT_CSV)
        && !accept.contains(MediaType.APPLICATION_JSON);
  }
}
