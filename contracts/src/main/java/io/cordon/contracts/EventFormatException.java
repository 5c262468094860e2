package io.cordon.contracts;

/**
 * An event that does not follow its contract: a required field missing, a field with an invalid
 * value, or a payload that is not readable JSON. The message always starts with the event type.
 */
public class EventFormatException extends RuntimeException {

  private final String eventType;
  private final String field;
  private final String problem;

  private EventFormatException(String eventType, String field, String problem, Throwable cause) {
    super(message(eventType, field, problem), cause);
    this.eventType = eventType;
    this.field = field;
    this.problem = problem;
  }

  public static EventFormatException missingField(String eventType, String field) {
    return new EventFormatException(eventType, field, null, null);
  }

  public static EventFormatException invalidField(String eventType, String field, String problem) {
    return new EventFormatException(eventType, field, problem, null);
  }

  public static EventFormatException unreadable(String eventType, String problem, Throwable cause) {
    return new EventFormatException(eventType, null, problem, cause);
  }

  /** The record type the problem was found in, e.g. {@code CompromiseReported}. */
  public String eventType() {
    return eventType;
  }

  /** The offending field, as a path from {@link #eventType()}; {@code null} if not field-bound. */
  public String field() {
    return field;
  }

  /** True if a required field was absent or null. */
  public boolean isMissingField() {
    return field != null && problem == null;
  }

  /**
   * The same problem seen from an enclosing record: {@code IncidentRef: missing 'id'} found under
   * {@code incident} becomes {@code CompromiseReported: missing 'incident.id'}.
   */
  public EventFormatException within(String outerEventType, String path) {
    if (path.isEmpty()) {
      return new EventFormatException(outerEventType, field, problem, getCause());
    }
    String nestedField = field == null ? path : path + "." + field;
    return new EventFormatException(outerEventType, nestedField, problem, getCause());
  }

  private static String message(String eventType, String field, String problem) {
    if (field == null) {
      return eventType + ": " + problem;
    }
    if (problem == null) {
      return eventType + ": missing required field '" + field + "'";
    }
    return eventType + ": invalid field '" + field + "': " + problem;
  }
}
