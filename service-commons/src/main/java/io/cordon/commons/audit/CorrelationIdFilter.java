package io.cordon.commons.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Takes or makes each request's correlation id, puts it in the logging MDC and returns it in the
 * response header.
 */
public class CorrelationIdFilter {
  @Inject CorrelationId correlationId;

  @ServerRequestFilter(preMatching = true)
  public void take(ContainerRequestContext request) {
    correlationId.accept(request.getHeaderString(CorrelationId.HEADER));
    // every log line of this request carries it (the MDC follows the request across threads)
    MDC.put(CorrelationId.MDC_KEY, correlationId.value());
  }

  @ServerResponseFilter
  public void echo(ContainerResponseContext response) {
    String value = correlationId.value();
    if (value != null) {
      response.getHeaders().putSingle(CorrelationId.HEADER, value);
    }
    MDC.remove(CorrelationId.MDC_KEY);
  }
}
