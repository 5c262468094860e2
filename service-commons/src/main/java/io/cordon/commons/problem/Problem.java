package io.cordon.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details; {@code errors} names each offending field and why. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
    return new Problem(type.uri(), type.title(), type.status(), detail, null, errors);
  }

  public Problem at(String instancePath) {
    return new Problem(type, title, status, detail, instancePath, errors);
  }

  /** One invalid input: a JSON path or parameter name, and the reason it was refused. */
  public record FieldError(String field, String reason) {}
}
