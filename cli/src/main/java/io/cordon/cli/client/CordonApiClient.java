package io.cordon.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cordon.cli.CliFailure;
import io.cordon.cli.ExitCodes;
import io.cordon.cli.config.Endpoints;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way the command line talks to Cordon: it owns the HTTP client, the bearer token, problem
 * documents and retries. Every non-2xx answer becomes an {@link ApiException} carrying the
 * service's problem; an unreachable service becomes a plain {@link CliFailure}.
 */
public final class CordonApiClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient http;
  private final Endpoints endpoints;
  private final Supplier<String> token;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Consumer<String> notices;
  private final ObjectMapper json = new ObjectMapper();
  private String resolvedToken;

  /**
   * @param token asked once, at the first request: commands that fail on their arguments never need
   *     a sign-in
   * @param notices where to say that a request is being retried (stderr)
   */
  public CordonApiClient(
      HttpClient http,
      Endpoints endpoints,
      Supplier<String> token,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      Consumer<String> notices) {
    this.http = http;
    this.endpoints = endpoints;
    this.token = token;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.notices = notices;
  }

  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** An answer with a 2xx status. */
  public record Answer(int status, JsonNode body, Map<String, List<String>> headers) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream())
          .findFirst()
          .orElse(null);
    }
  }

  public JsonNode get(Service service, String path, Query query) {
    return send(service, path, query, "GET", null, null, Map.of()).body();
  }

  /** A GET with headers of its own, e.g. an {@code Accept} other than JSON. */
  public JsonNode get(Service service, String path, Query query, Map<String, String> headers) {
    return send(service, path, query, "GET", null, null, headers).body();
  }

  public JsonNode get(Service service, String path) {
    return get(service, path, Query.of());
  }

  /** Every item of a collection, following {@code next} cursors page by page. */
  public List<JsonNode> allItems(Service service, String path, Query query) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    do {
      Query page = query.copy().with("limit", 1000).with("cursor", cursor);
      JsonNode answer = get(service, path, page);
      answer.path("items").forEach(items::add);
      cursor = answer.path("next").isTextual() ? answer.path("next").asText() : null;
    } while (cursor != null);
    return items;
  }

  public Answer postJson(Service service, String path, Query query, Object body) {
    return postJson(service, path, query, body, Map.of());
  }

  public Answer postJson(
      Service service, String path, Query query, Object body, Map<String, String> headers) {
    try {
      String text = body instanceof String s ? s : json.writeValueAsString(body);
      return send(service, path, query, "POST", "application/json", text, headers);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body", e);
    }
  }

  public Answer post(
      Service service,
      String path,
      Query query,
      String contentType,
      String body,
      Map<String, String> headers) {
    return send(service, path, query, "POST", contentType, body, headers);
  }

  public ObjectMapper json() {
    return json;
  }

  private Answer send(
      Service service,
      String path,
      Query query,
      String method,
      String contentType,
      String body,
      Map<String, String> headers) {
    URI url = URI.create(service.baseUrl(endpoints) + path + query.toQueryString());
    HttpRequest request = request(url, method, contentType, body, headers);
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = exchange(service, url, request);
      int status = response.statusCode();
      if (status / 100 == 2) {
        return new Answer(status, parse(response.body()), response.headers().map());
      }
      if (retryPolicy.retryable(status) && attempt <= retryPolicy.maxRetries()) {
        Duration delay = retryPolicy.delay(response, attempt, Instant.now());
        notices.accept(
            String.format(
                "%s answered %d; trying again in %d s (%d of %d)",
                service.displayName(),
                status,
                delay.toSeconds(),
                attempt,
                retryPolicy.maxRetries()));
        pause(delay);
        continue;
      }
      throw new ApiException(service, problem(response));
    }
  }

  private HttpRequest request(
      URI url, String method, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json, application/problem+json")
            .header("User-Agent", "cordon-cli")
            .header("Authorization", "Bearer " + token());
    headers.forEach(builder::setHeader);
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String token() {
    if (resolvedToken == null) {
      resolvedToken = token.get();
    }
    return resolvedToken;
  }

  private HttpResponse<String> exchange(Service service, URI url, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new CliFailure(
          ExitCodes.FAILED,
          "cannot reach "
              + service.displayName()
              + " at "
              + service.baseUrl(endpoints)
              + " (connection refused); is it running? Its URL is set with --"
              + flagOf(service)
              + "-url or CORDON_"
              + flagOf(service).toUpperCase()
              + "_URL",
          e);
    } catch (HttpTimeoutException e) {
      throw new CliFailure(
          ExitCodes.FAILED,
          service.displayName() + " did not answer " + url.getPath() + " in time",
          e);
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.FAILED,
          "cannot talk to "
              + service.displayName()
              + " at "
              + service.baseUrl(endpoints)
              + ": "
              + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.FAILED, "interrupted", e);
    }
  }

  private void pause(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.FAILED, "interrupted", e);
    }
  }

  private ApiProblem problem(HttpResponse<String> response) {
    String body = response.body();
    try {
      JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
      if (node != null && node.isObject() && (node.has("title") || node.has("type"))) {
        return ApiProblem.fromJson(node, response.statusCode());
      }
    } catch (JsonProcessingException notJson) {
      // a proxy or a gateway answered, not Cordon: show what it said
    }
    return ApiProblem.fromForeignBody(response.statusCode(), body);
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException notJson) {
      return TextNode.valueOf(body);
    }
  }

  private static String flagOf(Service service) {
    return switch (service) {
      case ACCOUNT -> "account";
      case PLAYBOOK -> "playbook";
      case NOTIFICATION -> "notification";
    };
  }
}
