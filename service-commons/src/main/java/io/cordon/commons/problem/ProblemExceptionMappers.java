package io.cordon.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.cordon.commons.failure.TransientFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a service answers leaves as application/problem+json (RFC 9457). */
public class ProblemExceptionMappers {
  private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
  private static final int RETRY_AFTER_SECONDS = 5;

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.toProblem(), uri);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(JsonErrorPaths.of(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        String.join("; ", errors.stream().map(f -> f.field() + ": " + f.reason()).toList());
    return respond(Problem.of(ProblemType.VALIDATION_FAILED, detail, errors), uri);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonParseException e, UriInfo uri) {
    String detail = "Body is not valid JSON: " + e.getOriginalMessage();
    return respond(
        Problem.of(
            ProblemType.MALFORMED_BODY, detail, List.of(new Problem.FieldError("body", detail))),
        uri);
  }

  /**
   * Past Jackson's limits (nesting deeper than 1,000, numbers or names too long): a hostile or
   * broken body, not a server fault. Resources that parse raw bytes themselves meet it unwrapped.
   */
  @ServerExceptionMapper
  public Response beyondJsonLimits(StreamConstraintsException e, UriInfo uri) {
    String detail = "Body exceeds the JSON limits: " + firstLine(e.getOriginalMessage());
    return respond(
        Problem.of(
            ProblemType.MALFORMED_BODY, detail, List.of(new Problem.FieldError("body", detail))),
        uri);
  }

  @ServerExceptionMapper({
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class,
    ValueInstantiationException.class
  })
  public Response unmappableJson(JsonMappingException e, UriInfo uri) {
    String field = JsonErrorPaths.of(e);
    String reason = firstLine(e.getOriginalMessage());
    return respond(
        Problem.of(
            ProblemType.MALFORMED_BODY,
            field + ": " + reason,
            List.of(new Problem.FieldError(field, reason))),
        uri);
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, UriInfo uri) {
    return respond(
        Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required", List.of()), uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        Problem.of(
            ProblemType.FORBIDDEN, "The caller's roles do not allow this operation", List.of()),
        uri);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    // the JSON reader wraps Jackson's exception in a bare 400; answer with the field instead
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParseException parse) {
        return unreadableJson(parse, uri);
      }
      if (cause instanceof StreamConstraintsException limits) {
        return beyondJsonLimits(limits, uri);
      }
      if (cause instanceof JsonMappingException mapping) {
        return unmappableJson(mapping, uri);
      }
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return internal(e, uri);
    }
    ProblemType type = ProblemType.forStatus(status);
    String detail = e.getMessage() == null ? type.title() : e.getMessage();
    return respond(new Problem(type.uri(), type.title(), status, detail, null, List.of()), uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, UriInfo uri) {
    if (TransientFailures.isTransient(e)) {
      return unavailable(e, uri);
    }
    return internal(e, uri);
  }

  /** The database is away or overloaded: the caller may retry, nothing was done. */
  private Response unavailable(Exception e, UriInfo uri) {
    LOG.warnf("%s answered 503, a dependency is unavailable: %s", uri.getPath(), e.toString());
    Response problem =
        respond(
            Problem.of(
                ProblemType.SERVICE_UNAVAILABLE,
                "A dependency of this service is unavailable; retry shortly",
                List.of()),
            uri);
    return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
  }

  private Response internal(Exception e, UriInfo uri) {
    String errorId = UUID.randomUUID().toString();
    // the exception text may carry request data; it goes to the log under an id, never to the
    // caller
    LOG.errorf(e, "Unhandled error %s on %s", errorId, uri.getPath());
    return respond(
        Problem.of(ProblemType.INTERNAL_ERROR, "Internal error, reference " + errorId, List.of()),
        uri);
  }

  private static Response respond(Problem problem, UriInfo uri) {
    return ProblemResponses.of(problem.at(uri.getPath()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
