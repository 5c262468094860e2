package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP with a bearer token; every non-2xx answer becomes an exception with its body. */
public final class CordonApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;

  public CordonApi(HttpClient http) {
    this.http = http;
  }

  public record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

  public JsonNode get(URI url, String token) throws IOException, InterruptedException {
    return expectSuccess(send(request(url, token).GET().build()), url).body();
  }

  public Answer post(URI url, String token, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        request(url, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return send(request);
  }

  public JsonNode postJson(URI url, String token, Object body)
      throws IOException, InterruptedException {
    return expectSuccess(post(url, token, "application/json", JSON.writeValueAsString(body)), url)
        .body();
  }

  public Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String text = response.body();
    JsonNode body = text == null || text.isBlank() ? JSON.nullNode() : parse(text);
    return new Answer(response.statusCode(), body, response);
  }

  public static Answer expectSuccess(Answer answer, URI url) throws IOException {
    if (answer.status() / 100 != 2) {
      throw new IOException(url + " answered " + answer.status() + ": " + answer.raw().body());
    }
    return answer;
  }

  private static HttpRequest.Builder request(URI url, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Accept", "*/*");
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  public static ObjectMapper json() {
    return JSON;
  }
}
