package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.GraphResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Graph's error body: {@code {"error":{"code","message","innerError":{"date","request-id"}}}}. */
public final class GraphErrors {
  public static final String NOT_FOUND = "Request_ResourceNotFound";
  public static final String BAD_REQUEST = "Request_BadRequest";

  private GraphErrors() {}

  public static GraphResponse error(int status, String code, String message) {
    String requestId = UUID.randomUUID().toString();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    ObjectNode inner = error.putObject("innerError");
    inner.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
    inner.put("request-id", requestId);
    inner.put("client-request-id", requestId);
    return GraphResponse.of(status, body)
        .withHeader("request-id", requestId)
        .withHeader("client-request-id", requestId);
  }

  public static GraphResponse badRequest(String message) {
    return error(400, BAD_REQUEST, message);
  }

  public static GraphResponse userNotFound(String key) {
    return error(
        404,
        NOT_FOUND,
        "Resource '"
            + key
            + "' does not exist or one of its queried reference-property objects are not present.");
  }

  public static GraphResponse notFound(String key) {
    return userNotFound(key);
  }

  public static GraphResponse segmentNotFound(String segment) {
    return error(400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
  }

  public static GraphResponse unreadableJson() {
    return error(
        400,
        "BadRequest",
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload"
            + " is of valid JSON format.");
  }

  public static GraphResponse forbidden() {
    return error(
        403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }
}
