package io.cordon.playbook.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.playbook.mapping.ContentDigest;
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
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/incidents/{id}/evidence}: the incident's evidence as one JSON document, or its
 * timeline as CSV ({@code Accept: text/csv} or {@code ?format=csv}), with the SHA-256 of the body
 * in {@code Content-Digest} (RFC 9530) so a copy handed on can be checked against what was sent.
 * Responders may export too: they are the ones who hand evidence to partners and regulators.
 */
@Path("/api/v1/incidents")
public class EvidenceResource {
  static final String TEXT_CSV = "text/csv";

  @Inject EvidenceService evidence;
  @Inject JsonWebToken token;
  @Inject CurrentPrincipal principal;
  @Inject ObjectMapper mapper;

  @GET
  @Path("/{id}/evidence")
  @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
  @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.RESPONDER})
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
      byte[] json = json(document);
      return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
          .header(ContentDigest.HEADER, ContentDigest.sha256(json))
          .build();
    }
    byte[] body = EvidenceCsv.write(document).getBytes(StandardCharsets.UTF_8);
    return Response.ok(body, TEXT_CSV + "; charset=utf-8")
        .header(ContentDigest.HEADER, ContentDigest.sha256(body))
        .header(
            "Content-Disposition",
            "attachment; filename=\"evidence-"
                + incidentId.replaceAll("[^A-Za-z0-9._-]", "_")
                + ".csv\"")
        .build();
  }

  // serialised here, not by the framework, so the digest covers exactly the bytes sent
  private byte[] json(EvidenceDocument document) {
    try {
      return mapper.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Evidence of " + document.incidentId() + " not writable", e);
    }
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
