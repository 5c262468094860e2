package io.cordon.playbook.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-service's compromise report intake (DESIGN §3): the way {@code POST /runs} gets its
 * accounts' facts read from the directory. The caller's bearer token is passed on, so the report is
 * the caller's own and account-service checks its role itself.
 */
@RegisterRestClient(configKey = "account-service")
@Path("/api/v1/compromise-reports")
public interface CompromiseReportClient {
  /** Answers 202 {@code {reportId, accepted, rejected:[{input, reason}], duplicates}}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  JsonNode submit(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      JsonNode report);

  /** {@code ?dryRun=true}: 200 with what the report would resolve to; nothing stored or sent. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  JsonNode dryRun(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("dryRun") String dryRun,
      JsonNode report);
}
