package io.cordon.playbook.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-service's audit log (reports, detections, Graph action outcomes); base URL under {@code
 * quarkus.rest-client.account-service.url}. The caller's bearer token is passed on.
 */
@RegisterRestClient(configKey = "account-service")
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public interface AccountServiceClient {
  @GET
  JsonNode audit(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("incident") String incident,
      @QueryParam("run") String run,
      @QueryParam("limit") int limit,
      @QueryParam("cursor") String cursor);
}
