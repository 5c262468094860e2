package io.cordon.commons.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.logging.Logger;

/** Logs one line while handling a request, for the correlation-id-in-logs test. */
@Path("/api/test/logging")
@PermitAll
public class LoggingResource {
  public static final String LOGGER = "io.cordon.commons.testapp.LoggingResource";
  private static final Logger LOG = Logger.getLogger(LOGGER);

  @GET
  public String handle() {
    LOG.info("handling a logged request");
    return "logged";
  }
}
