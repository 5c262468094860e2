package io.cordon.account.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.account.service.intake.CompromiseIntakeService;
import io.cordon.account.service.intake.CsvAccountReader;
import io.cordon.account.service.intake.DeliveryKey;
import io.cordon.account.service.intake.IntakeReceipt;
import io.cordon.account.service.intake.JsonAccountEntries;
import io.cordon.account.service.intake.ParsedEntries;
import io.cordon.account.service.intake.ReportSubmission;
import io.cordon.account.service.plan.DryRunService;
import io.cordon.account.service.report.ReportQueryService;
import io.cordon.account.service.report.ReportReleaseService;
import io.cordon.account.service.report.ReportSummary;
import io.cordon.account.service.report.ReportView;
import io.cordon.account.service.resolution.ReportPublisher;
import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.contracts.ReportSource;
import io.cordon.contracts.Severity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/compromise-reports")
@Produces(MediaType.APPLICATION_JSON)
public class CompromiseReportResource {
  @Inject DryRunService dryRuns;

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final List<String> REPORT_STATUSES =
      List.of("RESOLVING", ReportPublisher.HELD, "PUBLISHED", "COMPLETED");

  @Inject CompromiseIntakeService intake;
  @Inject ReportQueryService reports;
  @Inject ReportReleaseService releases;
  @Inject CurrentPrincipal principal;
  @Inject ObjectMapper mapper;
  @Inject Validator validator;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RESPONDER)
  public Response submitJson(
      @NotNull @Valid CompromiseReportRequest request,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @QueryParam("dryRun") String dryRun,
      UriInfo uri)
      throws JsonProcessingException, InterruptedException {
    ParsedEntries parsed = JsonAccountEntries.read(request.accounts());
    if (DryRuns.requested(dryRun)) {
      // what the report would resolve to: reads only, nothing stored, published or written
      if (parsed.entries().size() > DryRunService.MAX_ENTRIES) {
        throw ProblemException.invalidField(
            "accounts", "a dry run takes at most " + DryRunService.MAX_ENTRIES + " entries");
      }
      return Response.ok(dryRuns.resolve(parsed)).build();
    }
    ReportSubmission submission =
        new ReportSubmission(
            request.incident().id().strip(),
            request.incident().title(),
            request.incident().severity() == null ? Severity.HIGH : request.incident().severity(),
            request.playbook(),
            ReportSource.MANUAL,
            request.source(),
            principal.name(),
            principal.id());
    // the request as read, written back the same way every time: a retry hashes the same
    DeliveryKey key =
        DeliveryKey.of(IDEMPOTENCY_KEY, idempotencyKey, mapper.writeValueAsBytes(request));
    return accepted(intake.submit(submission, parsed.entries(), parsed.rejections(), key), uri);
  }

  @POST
  @Consumes("text/csv")
  @RolesAllowed(Roles.RESPONDER)
  public Response submitCsv(
      String body,
      @QueryParam("incidentId") String incidentId,
      @QueryParam("title") String title,
      @QueryParam("severity") String severity,
      @QueryParam("playbook") String playbook,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      UriInfo uri) {
    // the JSON body's rules, checked against the same annotations, named as the query names them
    checkLikeJson(CompromiseReportRequest.Incident.class, "id", "incidentId", incidentId);
    checkLikeJson(CompromiseReportRequest.Incident.class, "title", "title", title);
    checkLikeJson(CompromiseReportRequest.class, "playbook", "playbook", playbook);
    ParsedEntries parsed =
        CsvAccountReader.read(new StringReader(body), CompromiseIntakeService.MAX_ENTRIES);
    ReportSubmission submission =
        new ReportSubmission(
            incidentId.strip(),
            title,
            parseSeverity(severity),
            playbook,
            ReportSource.CSV,
            null,
            principal.name(),
            principal.id());
    DeliveryKey key = DeliveryKey.of(IDEMPOTENCY_KEY, idempotencyKey, csvDelivery(body, uri));
    return accepted(intake.submit(submission, parsed.entries(), parsed.rejections(), key), uri);
  }

  /** Reports in arrival order; {@code status=HELD} lists the detections waiting for a person. */
  @GET
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  public Page<ReportSummary> list(
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return reports.list(parseStatus(status), PageRequest.fromQuery(limit, cursor));
  }

  /**
   * A person lets a held detection go on (DESIGN §11 guard rails): its run starts. Bodiless: a JSON
   * {@code @Consumes} would answer 415 to a POST without a body.
   */
  @POST
  @Path("/{id}/release")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.RESPONDER, Roles.APPROVER})
  public ReportView release(@PathParam("id") String id) {
    UUID reportId = parseId(id);
    releases.release(reportId, principal);
    return reports.find(reportId, PageRequest.of(null, null));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  public ReportView get(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return reports.find(parseId(id), PageRequest.fromQuery(limit, cursor));
  }

  private <T> void checkLikeJson(Class<T> type, String property, String parameter, String value) {
    Set<ConstraintViolation<T>> violations = validator.validateValue(type, property, value);
    if (!violations.isEmpty()) {
      throw ProblemException.invalidField(
          parameter,
          String.join(
              "; ", violations.stream().map(ConstraintViolation::getMessage).sorted().toList()));
    }
  }

  /** A CSV report is its body and its query (incident, title, severity, playbook). */
  private static String csvDelivery(String body, UriInfo uri) {
    return uri.getRequestUri().getRawQuery() + "\n" + body;
  }

  private static Response accepted(IntakeReceipt receipt, UriInfo uri) {
    return IntakeResponses.accepted(receipt, uri);
  }

  private static Severity parseSeverity(String severity) {
    if (severity == null || severity.isBlank()) {
      return Severity.HIGH;
    }
    try {
      return Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("severity", "must be one of LOW, MEDIUM, HIGH, CRITICAL");
    }
  }

  private static String parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    String wanted = status.strip().toUpperCase(Locale.ROOT);
    if (!REPORT_STATUSES.contains(wanted)) {
      throw ProblemException.invalidField(
          "status", "must be one of " + String.join(", ", REPORT_STATUSES));
    }
    return wanted;
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("id", "not a report id");
    }
  }
}
