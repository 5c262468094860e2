package io.cordon.commons.problem;

import java.util.List;

/** Thrown by services to answer with a specific problem; mapped to problem+json. */
public class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final transient List<Problem.FieldError> errors;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException invalidField(String field, String reason) {
    return new ProblemException(
        ProblemType.VALIDATION_FAILED,
        field + ": " + reason,
        List.of(new Problem.FieldError(field, reason)));
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
  }

  public ProblemType type() {
    return type;
  }

  public Problem toProblem() {
    return Problem.of(type, getMessage(), errors);
  }
}
