package io.cordon.playbook.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.security.Roles;
import io.cordon.playbook.config.EngineConfig;
import io.cordon.playbook.service.plan.Plan;
import io.cordon.playbook.service.plan.PlanService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/plans}: what a report or run would do, per account, without doing any of it.
 * Takes the body of {@code POST /runs} ({@code {playbook, incidentId, accounts:[objectId]}}) or of
 * account-service's {@code POST /compromise-reports} ({@code {incident:{id}, accounts,
 * playbook?}}).
 */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
  @Inject PlanService plans;
  @Inject EngineConfig config;
  @Inject ObjectMapper mapper;
  @Inject JsonWebToken token;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RESPONDER)
  @Operation(
      summary =
          "Dry run: per account the steps that would run or be skipped and why, approvals,"
              + " protected accounts, missing permissions; reads only, nothing started")
  public Plan plan(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalidField("body", "a JSON object: a run's or a report's body");
    }
    if (body.has("incident")) {
      JsonNode playbook = body.path("playbook");
      if (!playbook.isMissingNode() && !playbook.isNull() && !playbook.isTextual()) {
        throw ProblemException.invalidField("playbook", "a playbook name");
      }
      return plans.plan(
          playbook.isTextual() ? playbook.asText() : null, body, token.getRawToken(), false);
    }
    StartRunRequest run;
    try {
      run = mapper.treeToValue(body, StartRunRequest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "body",
          "a run's body {playbook, incidentId, accounts} or a report's {incident, accounts}");
    }
    return planOf(run);
  }

  /** The plan of a run's body (also {@code POST /runs?dryRun=true}). */
  Plan planOf(StartRunRequest body) {
    var request = RunRequests.manualRun(body, config.maxAccountsPerRun());
    com.fasterxml.jackson.databind.node.ObjectNode report = mapper.createObjectNode();
    report.putObject("incident").put("id", request.incidentId());
    var accounts = report.putArray("accounts");
    request
        .accounts()
        .forEach(
            a -> {
              var entry = accounts.addObject().put("objectId", a.objectId());
              if (a.tenantId() != null) {
                entry.put("tenantId", a.tenantId());
              }
            });
    // a run started by hand contains every account it names, as POST /runs does
    return plans.plan(request.playbook(), report, token.getRawToken(), true);
  }
}
