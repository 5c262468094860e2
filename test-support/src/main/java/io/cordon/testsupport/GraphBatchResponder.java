package io.cordon.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers Graph's JSON {@code $batch} per inner request, as Graph does: each inner request gets its
 * own status, headers and error body. Rules (see {@link GraphBatchStub}) pick the status of the
 * n-th matching request; anything unmatched succeeds.
 */
public class GraphBatchResponder implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "graph-batch";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    try {
      JsonNode batch = JSON.readTree(serveEvent.getRequest().getBodyAsString());
      JsonNode requests = batch.path("requests");
      if (requests.size() > 20) {
        return error(400, "Number of requests inside batch exceeds the limit of 20.");
      }
      Parameters parameters = serveEvent.getTransformerParameters();
      ObjectNode body = JSON.createObjectNode();
      ArrayNode responses = body.putArray("responses");
      for (JsonNode request : requests) {
        responses.add(answer(request, parameters));
      }
      return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withHeader("Date", graphDate(parameters))
          .withBody(JSON.writeValueAsString(body))
          .build();
    } catch (IOException e) {
      return error(400, "Invalid batch request: " + e.getMessage());
    }
  }

  /** Graph's clock in an HTTP date (whole seconds), as every Graph answer carries it. */
  private static String graphDate(Parameters parameters) {
    Object ahead = parameters.get("clockAheadSeconds");
    long seconds = ahead instanceof Number number ? number.longValue() : 0;
    return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(seconds));
  }

  private ObjectNode answer(JsonNode request, Parameters parameters) {
    String method = request.path("method").asText();
    String url = request.path("url").asText();
    ObjectNode response = JSON.createObjectNode();
    response.put("id", request.path("id").asText());
    Map<String, Object> rule = matchingRule(parameters, method, url);
    if (rule == null && "GET".equals(method)) {
      return directoryAnswer(response, parameters, url);
    }
    if (rule == null) {
      response.put("status", "POST".equals(method) ? 200 : 204);
      response.putObject("headers").put("request-id", UUID.randomUUID().toString());
      if ("POST".equals(method)) {
        response.putObject("body").put("value", true);
      }
      return response;
    }
    String counterKey = parameters.getString("scenario", "") + "|" + rule + "|" + method + url;
    int nth = seen.computeIfAbsent(counterKey, k -> new AtomicInteger()).getAndIncrement();
    @SuppressWarnings("unchecked")
    List<Integer> statuses = (List<Integer>) rule.get("statuses");
    int status = statuses.get(Math.min(nth, statuses.size() - 1));
    response.put("status", status);
    ObjectNode headers = response.putObject("headers");
    headers.put("request-id", UUID.randomUUID().toString());
    if (status >= 200 && status < 300) {
      return response;
    }
    if (rule.get("retryAfter") != null && (status == 429 || status == 503)) {
      headers.put("Retry-After", String.valueOf(rule.get("retryAfter")));
    }
    ObjectNode error = response.putObject("body").putObject("error");
    error.put("code", String.valueOf(rule.getOrDefault("code", "Request_Failed")));
    error.put("message", String.valueOf(rule.getOrDefault("message", "failure " + status)));
    return response;
  }

  /** GET /users/{key} and GET /users/{key}/transitiveMemberOf from the stub's directory. */
  @SuppressWarnings("unchecked")
  private static ObjectNode directoryAnswer(
      ObjectNode response, Parameters parameters, String url) {
    String path =
        java.net.URLDecoder.decode(url.split("\\?")[0], java.nio.charset.StandardCharsets.UTF_8);
    String[] segments = path.replaceFirst("^/", "").split("/");
    Object directory = parameters.get("directory");
    Map<String, Object> entry =
        directory instanceof Map<?, ?> users && segments.length >= 2 && segments[0].equals("users")
            ? (Map<String, Object>) users.get(segments[1].toLowerCase(java.util.Locale.ROOT))
            : null;
    response.putObject("headers").put("request-id", UUID.randomUUID().toString());
    if (entry == null) {
      response.put("status", 404);
      ObjectNode error = response.putObject("body").putObject("error");
      error.put("code", "Request_ResourceNotFound");
      error.put(
          "message", "Resource '" + (segments.length > 1 ? segments[1] : "") + "' does not exist");
      return response;
    }
    response.put("status", 200);
    if (segments.length == 2) {
      response.set("body", JSON.valueToTree(entry.get("user")));
    } else {
      response.putObject("body").set("value", JSON.valueToTree(entry.get("memberOf")));
    }
    return response;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> matchingRule(
      Parameters parameters, String method, String url) {
    Object rules = parameters.get("rules");
    if (!(rules instanceof List<?> list)) {
      return null;
    }
    for (Object candidate : list) {
      Map<String, Object> rule = (Map<String, Object>) candidate;
      Object ruleMethod = rule.get("method");
      boolean methodMatches = ruleMethod == null || ruleMethod.equals(method);
      if (methodMatches && url.contains(String.valueOf(rule.get("urlContains")))) {
        return rule;
      }
    }
    return null;
  }

  private static ResponseDefinition error(int status, String message) {
    return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"error\":{\"code\":\"BadRequest\",\"message\":\""
                + message.replace("\"", "'")
                + "\"}}")
        .build();
  }
}
