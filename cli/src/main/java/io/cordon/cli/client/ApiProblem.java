package io.cordon.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9457 problem as the services send it ({@code type, title, status, detail, instance,
 * errors[{field, reason}]}), or one made up from a status when the answer was not problem+json (a
 * proxy's HTML page, an empty body).
 */
public record ApiProblem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public record FieldError(String field, String reason) {}

  private static final int MAX_FOREIGN_BODY = 200;

  public static ApiProblem fromJson(JsonNode body, int status) {
    List<FieldError> errors = new ArrayList<>();
    for (JsonNode error : body.path("errors")) {
      errors.add(new FieldError(text(error, "field"), text(error, "reason")));
    }
    String title = text(body, "title");
    return new ApiProblem(
        text(body, "type"),
        title != null ? title : "HTTP " + status,
        body.path("status").isInt() ? body.path("status").asInt() : status,
        text(body, "detail"),
        text(body, "instance"),
        List.copyOf(errors));
  }

  /** For an answer that is not a problem document: the status and the start of the body. */
  public static ApiProblem fromForeignBody(int status, String body) {
    String detail = body == null ? null : body.strip().replaceAll("\\s+", " ");
    if (detail != null && detail.length() > MAX_FOREIGN_BODY) {
      detail = detail.substring(0, MAX_FOREIGN_BODY) + "…";
    }
    return new ApiProblem(
        null,
        "HTTP " + status,
        status,
        detail == null || detail.isEmpty() ? null : detail,
        null,
        List.of());
  }

  public boolean isFourEyesRefusal() {
    return status == 403 && detail != null && detail.startsWith("Four eyes");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }
}
