package io.cordon.account.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Reads status, throttling headers and Graph's error body out of one (inner) response. */
final class GraphAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphAnswers() {}

  static GraphAnswer of(Response response) {
    int status = response.code();
    String requestId =
        firstNonNull(response.header("request-id"), response.header("client-request-id"));
    if (status >= 200 && status < 300) {
      return new GraphAnswer(status, null, requestId, null, null);
    }
    JsonNode error = errorNode(response.body());
    String innerRequestId = error.path("innerError").path("request-id").asText(null);
    return new GraphAnswer(
        status,
        retryAfter(response.header("Retry-After")),
        firstNonNull(requestId, innerRequestId),
        error.path("code").asText(null),
        error.path("message").asText(null));
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode errorNode(ResponseBody body) {
    if (body == null) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body.string()).path("error");
    } catch (IOException | RuntimeException e) {
      return JSON.createObjectNode();
    }
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
