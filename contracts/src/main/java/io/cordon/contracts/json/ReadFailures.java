package io.cordon.contracts.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.cordon.contracts.EventFormatException;
import java.io.IOException;

/** Turns Jackson's exceptions into messages a person reading a consumer log can act on. */
final class ReadFailures {

  private ReadFailures() {}

  static EventFormatException describe(IOException e, String typeName) {
    if (e instanceof ValueInstantiationException vie
        && vie.getCause() instanceof EventFormatException format) {
      return format.within(typeName, path(vie));
    }
    if (e instanceof MismatchedInputException mie && isAbsentPrimitive(mie)) {
      return EventFormatException.missingField(typeName, path(mie));
    }
    if (e instanceof JsonMappingException jme) {
      String path = path(jme);
      return path.isEmpty()
          ? EventFormatException.unreadable(
              typeName, "payload does not have the event's shape: " + problem(jme), e)
          : EventFormatException.invalidField(typeName, path, problem(jme));
    }
    if (e instanceof JsonProcessingException jpe) {
      return EventFormatException.unreadable(
          typeName, "malformed JSON" + where(jpe.getLocation()) + ": " + problem(jpe), e);
    }
    return EventFormatException.unreadable(typeName, "unreadable: " + e.getMessage(), e);
  }

  private static boolean isAbsentPrimitive(MismatchedInputException e) {
    // FAIL_ON_NULL_FOR_PRIMITIVES reports absent and null primitives alike with this wording
    return e.getTargetType() != null
        && e.getTargetType().isPrimitive()
        && e.getOriginalMessage().startsWith("Cannot map `null`");
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null) {
      message = cause.getMessage();
    }
    return message == null
        ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
