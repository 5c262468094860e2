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
 * notification-service's notices (with deliveries and attempts) and audit log; base URL under
 * {@code quarkus.rest-client.notification-service.url}. The caller's bearer token is passed on.
 */
@RegisterRestClient(configKey = "notification-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationServiceClient {
  @GET
  @Path("/notifications")
  JsonNode notices(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("incident") String incident,
      @QueryParam("limit") int limit,
      @QueryParam("cursor") String cursor);

  @GET
  @Path("/audit")
  JsonNode audit(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("incident") String incident,
      @QueryParam("limit") int limit,
      @QueryParam("cursor") String cursor);
}
