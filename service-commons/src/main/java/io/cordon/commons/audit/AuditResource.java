package io.cordon.commons.audit;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code /api/v1/audit}: every service's audit log, read-only, for admins and viewers. A responder
 * reads one incident's or one run's entries only ({@code incident=} or {@code run=}): what the
 * incident evidence export, which responders download, gathers with their token; the whole log
 * stays with admins and viewers.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class AuditResource {
  @Inject AuditLog log;
  @Inject SecurityIdentity identity;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.RESPONDER})
  public Page<AuditRecord> list(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("account") String account,
      @QueryParam("incident") String incident,
      @QueryParam("run") String run,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (!identity.hasRole(Roles.ADMIN)
        && !identity.hasRole(Roles.VIEWER)
        && text("incident", incident) == null
        && text("run", run) == null) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "A responder reads the audit log of one incident or run: give incident= or run=");
    }
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (start != null && end != null && !end.isAfter(start)) {
      throw ProblemException.invalidField("to", "must be later than from");
    }
    return log.find(
        new AuditQuery(
            start,
            end,
            text("account", account),
            text("incident", incident),
            text("run", run),
            PageRequest.fromQuery(limit, cursor)));
  }

  @GET
  @Path("/verify")
  public AuditVerification verify() {
    return log.verify();
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          name, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }

  private static String text(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.invalidField(name, "must be at most 255 printable characters");
    }
    return value.strip();
  }
}
