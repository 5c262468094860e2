package io.cordon.playbook.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.playbook.config.EngineConfig;
import io.cordon.playbook.mapping.AccountView;
import io.cordon.playbook.mapping.ApprovalView;
import io.cordon.playbook.mapping.PartnerDeliveryView;
import io.cordon.playbook.mapping.RunListItem;
import io.cordon.playbook.mapping.RunView;
import io.cordon.playbook.service.run.ApprovalService;
import io.cordon.playbook.service.run.Decider;
import io.cordon.playbook.service.run.ManualRuns;
import io.cordon.playbook.service.run.PartnerDeliveries;
import io.cordon.playbook.service.run.PrincipalRef;
import io.cordon.playbook.service.run.RunCancellation;
import io.cordon.playbook.service.run.RunProgress;
import io.cordon.playbook.service.run.RunQueries;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Playbook runs (DESIGN §3): start, follow, cancel, and decide their approvals. */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Inject ManualRuns manualRuns;
  @Inject RunQueries queries;
  @Inject RunCancellation cancellation;
  @Inject RunProgress progress;
  @Inject ApprovalService approvals;
  @Inject CurrentPrincipal principal;
  @Inject EngineConfig config;
  @Inject ObjectMapper mapper;
  @Inject JsonWebToken token;
  @Inject PlanResource planResource;
  @Inject PartnerDeliveries partnerDeliveries;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RESPONDER)
  @Operation(
      summary =
          "Start a run of a playbook over accounts named by object id; account-service reads"
              + " their facts from the directory; 202 and the run's Location")
  public Response start(
      StartRunRequest body,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @QueryParam("dryRun") String dryRun,
      UriInfo uri) {
    if (dryRun != null && !dryRun.equalsIgnoreCase("false")) {
      if (!dryRun.isEmpty() && !dryRun.equalsIgnoreCase("true")) {
        throw ProblemException.invalidField("dryRun", "must be true or false");
      }
      // what the run would do, nothing started (the same as POST /api/v1/plans)
      return Response.ok(planResource.planOf(body)).build();
    }
    String runId =
        manualRuns.start(
            RunRequests.manualRun(body, config.maxAccountsPerRun()),
            new PrincipalRef(principal.name(), principal.id()),
            token.getRawToken(),
            idempotencyKey);
    return Response.accepted(queries.get(runId))
        .location(uri.getBaseUriBuilder().path("api/v1/runs/{id}").build(runId))
        .build();
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "Runs, newest first, by incident and/or states (comma-separated)")
  public Page<RunListItem> list(
      @QueryParam("incident") String incident,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return queries.list(
        incident == null || incident.isBlank() ? null : incident.strip(),
        RunRequests.states(status),
        PageRequest.fromQuery(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "A run: state, counts per step and state, start, finish and durations")
  public RunView get(@PathParam("id") String id) {
    return queries.get(id);
  }

  @GET
  @Path("/{id}/accounts")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(
      summary =
          "The run's accounts with every step; ?state= (comma-separated) keeps accounts with a"
              + " step in one of the states")
  public Page<AccountView> accounts(
      @PathParam("id") String id,
      @QueryParam("state") String state,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return queries.accounts(
        id, RunRequests.executionStates(state), PageRequest.fromQuery(limit, cursor));
  }

  @GET
  @Path("/{id}/partner-deliveries")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(
      summary =
          "What partners got of the run's notices: per partner and channel the latest delivery"
              + " state notification-service reported (DELIVERED or FAILED), attempts, time and"
              + " reason")
  public Page<PartnerDeliveryView> partnerDeliveries(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return partnerDeliveries.of(id, PageRequest.fromQuery(limit, cursor));
  }

  @GET
  @Path("/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(
      summary =
          "Server-Sent Events for several runs on one connection (?run=, repeated or"
              + " comma-separated): 'progress' with a run whenever it changes")
  // a Multi would otherwise be set up on the IO thread, where the 404 check cannot read the DB
  @Blocking
  public Multi<OutboundSseEvent> events(@QueryParam("run") List<String> runs, @Context Sse sse) {
    List<String> runIds = RunRequests.eventStreamRuns(runs, config.maxRunsPerEventStream());
    runIds.forEach(queries::get); // an unknown run is a 404 before the stream starts
    return stream(runIds, sse);
  }

  @GET
  @Path("/{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "Server-Sent Events: 'progress' with the run whenever it changes")
  @Blocking
  public Multi<OutboundSseEvent> events(@PathParam("id") String id, @Context Sse sse) {
    queries.get(id); // an unknown run is a 404 before the stream starts
    return stream(List.of(id), sse);
  }

  private Multi<OutboundSseEvent> stream(List<String> runIds, Sse sse) {
    return progress
        .watch(runIds)
        .onItem()
        .transformToIterable(
            update ->
                update.changed().isEmpty()
                    // a silent stream writes a comment now and then: a client gone without
                    // closing its connection is noticed by the failed write
                    ? List.of(sse.newEventBuilder().comment("keep-alive").build())
                    : update.changed().stream()
                        .map(
                            view -> sse.newEventBuilder().name("progress").data(json(view)).build())
                        .toList());
  }

  @POST
  @Path("/{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RESPONDER)
  @Operation(summary = "Cancel a run: nothing more is dispatched; the reason is recorded")
  public RunView cancel(@PathParam("id") String id, CancelRequest body) {
    cancellation.cancel(id, principal.name(), RunRequests.cancelReason(body));
    return queries.get(id);
  }

  @POST
  @Path("/{id}/approvals/{approvalId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.APPROVER, Roles.RESPONDER, Roles.ADMIN})
  @Operation(
      summary =
          "Approve or reject a step for the accountCount accounts reviewed; needs the approval's"
              + " role, a person's token, and someone other than the run's starter")
  public ApprovalView decide(
      @PathParam("id") String id,
      @PathParam("approvalId") String approvalId,
      DecisionRequest body) {
    return approvals.decide(
        id,
        approvalId,
        RunRequests.decision(body),
        new Decider(
            new PrincipalRef(principal.name(), principal.id()),
            principal.applicationReason().orElse(null),
            principal::hasRole));
  }

  private String json(RunView view) {
    try {
      return mapper.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
