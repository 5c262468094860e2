package io.cordon.commons.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes or makes each request's correlation id and returns it in the response header. */
public class CorrelationIdFilter {
  @Inject CorrelationId correlationId;

  @ServerRequestFilter(preMatching = true)
  public void take(ContainerRequestContext request) {
    correlationId.accept(request.getHeaderString(CorrelationId.HEADER));
  }

  @ServerResponseFilter
  public void echo(ContainerResponseContext response) {
    String value = correlationId.value();
    if (value != null) {
      response.getHeaders().putSingle(CorrelationId.HEADER, value);
    }
  }
}
