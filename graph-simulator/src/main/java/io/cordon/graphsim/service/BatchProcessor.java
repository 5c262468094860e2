package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON batching as Graph does it: at most 20 requests, a write without body or Content-Type refuses
 * the whole batch, {@code dependsOn} orders requests and a failed dependency answers 424, and each
 * request gets its own status, headers and body (throttling and faults included).
 */
@ApplicationScoped
public class BatchProcessor {
  public static final int MAX_REQUESTS = 20;
  private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");

  @Inject GraphGateway gateway;
  @Inject ObjectMapper json;

  private record Item(String id, GraphRequest request, List<String> dependsOn) {}

  public GraphResponse process(
      byte[] body, String basePath, Map<String, String> outerHeaders, Set<String> roles) {
    JsonNode batch;
    try {
      batch = json.readTree(body);
    } catch (IOException e) {
      return GraphErrors.unreadableJson();
    }
    if (batch == null || !batch.path("requests").isArray()) {
      return GraphErrors.error(400, "BadRequest", "Invalid batch payload format.");
    }
    JsonNode requests = batch.get("requests");
    if (requests.size() > MAX_REQUESTS) {
      return GraphErrors.error(
          400, "BadRequest", "Number of requests inside batch exceeds the limit of 20.");
    }
    if (requests.isEmpty()) {
      return GraphErrors.error(400, "BadRequest", "Invalid batch payload format.");
    }
    Map<String, Item> items = new LinkedHashMap<>();
    for (JsonNode node : requests) {
      Object parsed = parse(node, basePath, outerHeaders);
      if (parsed instanceof GraphResponse refusal) {
        return refusal;
      }
      Item item = (Item) parsed;
      if (items.putIfAbsent(item.id(), item) != null) {
        return GraphErrors.error(
            400, "BadRequest", "Batch request contains duplicate request id '" + item.id() + "'.");
      }
    }
    List<Item> order = order(items);
    if (order == null) {
      return GraphErrors.error(
          400,
          "BadRequest",
          "Invalid dependsOn: a request depends on an unknown request or on itself (a cycle).");
    }
    Map<String, Integer> statuses = new HashMap<>();
    ObjectNode answer = json.createObjectNode();
    ArrayNode responses = answer.putArray("responses");
    for (Item item : order) {
      GraphResponse response;
      boolean dependencyFailed =
          item.dependsOn().stream().anyMatch(d -> statuses.get(d) < 200 || statuses.get(d) >= 300);
      if (dependencyFailed) {
        response =
            GraphErrors.error(
                424,
                "FailedDependency",
                "The request failed due to failure of a previous request.");
        response.headers().put("Content-Type", "application/json");
        gateway.recordUnanswered(item.request(), 424, "failedDependency");
      } else {
        response = gateway.process(item.request(), roles);
      }
      statuses.put(item.id(), response.status());
      responses.add(render(item.id(), response));
    }
    return GraphResponse.of(200, answer)
        .withHeader("Content-Type", "application/json;odata.metadata=minimal");
  }

  private Object parse(JsonNode node, String basePath, Map<String, String> outerHeaders) {
    String id = node.path("id").asText("");
    String method = node.path("method").asText("").toUpperCase(Locale.ROOT);
    String url = node.path("url").asText("");
    if (id.isEmpty() || url.isEmpty() || !METHODS.contains(method)) {
      return GraphErrors.error(
          400,
          "BadRequest",
          "Invalid batch payload format: each request needs id, method and url.");
    }
    Map<String, String> headers = new HashMap<>();
    node.path("headers")
        .fields()
        .forEachRemaining(
            h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
    headers.putIfAbsent("x-sim-base-url", outerHeaders.get("x-sim-base-url"));
    JsonNode bodyNode = node.get("body");
    byte[] body = null;
    if (bodyNode != null && !bodyNode.isNull()) {
      body = bodyBytes(bodyNode);
    }
    boolean writeWithBody = method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
    if (writeWithBody && (body == null || !headers.containsKey("content-type"))) {
      return GraphErrors.error(
          400,
          "BadRequest",
          "Write request id : " + id + " does not contain Content-Type header or body.");
    }
    List<String> dependsOn = new ArrayList<>();
    node.path("dependsOn").forEach(d -> dependsOn.add(d.asText()));
    String[] pathAndQuery = relative(url, basePath).split("\\?", 2);
    GraphRequest request =
        new GraphRequest(
            method,
            GraphPaths.normalise(pathAndQuery[0]),
            GraphPaths.query(pathAndQuery.length > 1 ? pathAndQuery[1] : null),
            headers,
            body,
            true);
    return new Item(id, request, dependsOn);
  }

  // a JSON body is embedded as JSON; other content types come base64-encoded
  private static byte[] bodyBytes(JsonNode bodyNode) {
    if (bodyNode.isTextual()) {
      try {
        return Base64.getDecoder().decode(bodyNode.asText());
      } catch (IllegalArgumentException e) {
        return bodyNode.asText().getBytes(StandardCharsets.UTF_8);
      }
    }
    return bodyNode.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String relative(String url, String basePath) {
    String path = url;
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    if (path.startsWith(basePath + "/")) {
      path = path.substring(basePath.length());
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** Dependencies first, otherwise in the order given; null for unknown ids or cycles. */
  private static List<Item> order(Map<String, Item> items) {
    List<Item> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (Item item : items.values()) {
      if (!visit(item, items, done, visiting, ordered)) {
        return null;
      }
    }
    return ordered;
  }

  private static boolean visit(
      Item item,
      Map<String, Item> items,
      Set<String> done,
      Set<String> visiting,
      List<Item> ordered) {
    if (done.contains(item.id())) {
      return true;
    }
    if (!visiting.add(item.id())) {
      return false;
    }
    for (String dependency : item.dependsOn()) {
      Item before = items.get(dependency);
      if (before == null || !visit(before, items, done, visiting, ordered)) {
        return false;
      }
    }
    visiting.remove(item.id());
    done.add(item.id());
    ordered.add(item);
    return true;
  }

  private ObjectNode render(String id, GraphResponse response) {
    ObjectNode node = json.createObjectNode();
    node.put("id", id);
    node.put("status", response.status());
    ObjectNode headers = node.putObject("headers");
    response.headers().forEach(headers::put);
    if (response.body() != null) {
      node.set("body", response.body());
    }
    return node;
  }
}
