package io.cordon.playbook.rest;

import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import io.cordon.playbook.mapping.RunView;
import io.cordon.playbook.service.run.AccountSettlement;
import io.cordon.playbook.service.run.RunPause;
import io.cordon.playbook.service.run.RunQueries;
import io.cordon.playbook.service.run.StepRetry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A responder's hands on a running incident (DESIGN §11 run control): hold a run and let it go on,
 * settle one account by hand, run a failed step again. Every call needs a reason, which is recorded
 * with the change and in the audit log; each answers with the run as it is now.
 */
@Path("/api/v1/runs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
public class RunControlResource {
  @Inject RunPause pause;
  @Inject AccountSettlement settlement;
  @Inject StepRetry retry;
  @Inject RunQueries queries;
  @Inject CurrentPrincipal principal;

  @POST
  @Path("/pause")
  @Operation(summary = "Hold the run: nothing more is dispatched until it is resumed")
  public RunView pause(@PathParam("id") String id, ControlRequest body) {
    pause.pause(id, principal.name(), reason(body, "the run is paused"));
    return queries.get(id);
  }

  @POST
  @Path("/resume")
  @Operation(summary = "Let a paused run go on")
  public RunView resume(@PathParam("id") String id, ControlRequest body) {
    pause.resume(id, principal.name(), reason(body, "the run is resumed"));
    return queries.get(id);
  }

  @POST
  @Path("/accounts/{objectId}/exclude")
  @Operation(summary = "Run no more steps for this account; it is not counted as contained")
  public RunView exclude(
      @PathParam("id") String id, @PathParam("objectId") String objectId, ControlRequest body) {
    return settle(id, objectId, AccountSettlement.Settlement.EXCLUDED, body, "is excluded");
  }

  @POST
  @Path("/accounts/{objectId}/mark-done")
  @Operation(
      summary =
          "The responder did by hand what is left for this account: its open, failed and manual"
              + " steps are skipped and it counts as contained")
  public RunView markDone(
      @PathParam("id") String id, @PathParam("objectId") String objectId, ControlRequest body) {
    return settle(id, objectId, AccountSettlement.Settlement.MARKED_DONE, body, "is marked done");
  }

  @POST
  @Path("/steps/{stepId}/retry")
  @Operation(
      summary =
          "Run a step again, as a new attempt, for every account it failed for or left to manual"
              + " work")
  public RunView retry(
      @PathParam("id") String id, @PathParam("stepId") String stepId, ControlRequest body) {
    retry.retry(id, stepId, principal.name(), reason(body, "the step is retried"));
    return queries.get(id);
  }

  private RunView settle(
      String id,
      String objectId,
      AccountSettlement.Settlement how,
      ControlRequest body,
      String what) {
    settlement.settle(id, objectId, how, principal.name(), reason(body, "the account " + what));
    return queries.get(id);
  }

  private static String reason(ControlRequest body, String what) {
    if (body == null || body.reason() == null || body.reason().isBlank()) {
      throw ProblemException.invalidField("reason", "is required: say why " + what);
    }
    if (body.reason().length() > 1000) {
      throw ProblemException.invalidField("reason", "must be at most 1000 characters");
    }
    return body.reason().strip();
  }
}
