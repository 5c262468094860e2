package io.cordon.playbook.rest;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.security.Roles;
import io.cordon.playbook.mapping.ApprovalView;
import io.cordon.playbook.model.ApprovalState;
import io.cordon.playbook.service.run.ApprovalService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Approval requests across runs; decisions are made on the run ({@link RunResource}). */
@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {
  @Inject ApprovalService approvals;

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "Approvals, oldest first; ?state=pending for those waiting for a decision")
  public Page<ApprovalView> list(
      @QueryParam("state") String state,
      @QueryParam("run") String run,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return approvals.list(
        state(state),
        run == null || run.isBlank() ? null : run.strip(),
        PageRequest.fromQuery(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.APPROVER, Roles.ADMIN})
  @Operation(summary = "One approval, with its run: what a decision on it needs")
  public ApprovalView get(@PathParam("id") String id) {
    return approvals.get(id);
  }

  private static ApprovalState state(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    ApprovalState parsed = ApprovalState.parse(state);
    if (parsed == null) {
      throw ProblemException.invalidField(
          "state", "must be one of pending, approved, rejected, expired, cancelled");
    }
    return parsed;
  }
}
