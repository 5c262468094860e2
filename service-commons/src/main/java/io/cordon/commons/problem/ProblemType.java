package io.cordon.commons.problem;

/**
 * The stable problem types of the public API (RFC 9457 {@code type}); documented in docs/api.md.
 */
public enum ProblemType {
  VALIDATION_FAILED(400, "Request validation failed"),
  MALFORMED_BODY(400, "Malformed request body"),
  BAD_REQUEST(400, "Bad request"),
  UNAUTHORIZED(401, "Authentication required"),
  FORBIDDEN(403, "Not allowed for this principal"),
  NOT_FOUND(404, "Resource not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Requested media type not available"),
  CONFLICT(409, "Conflict with the current state"),
  GONE(410, "No longer available"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  UNPROCESSABLE(422, "Request understood but cannot be processed"),
  SERVICE_UNAVAILABLE(503, "Service temporarily unavailable"),
  INTERNAL_ERROR(500, "Internal error");

  private static final String PREFIX = "urn:cordon:problem:";

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String uri() {
    return PREFIX + name().toLowerCase().replace('_', '-');
  }

  /**
   * The type used for a bare HTTP status raised by the framework (404 for unknown paths, 415...).
   */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type != VALIDATION_FAILED && type != MALFORMED_BODY) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
  }
}
