package io.cordon.commons.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses; the single place that knows the wire format. */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static Response of(Problem problem) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return builder.build();
  }
}
