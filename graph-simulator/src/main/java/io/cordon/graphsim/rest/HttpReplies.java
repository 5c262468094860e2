package io.cordon.graphsim.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.service.GraphClock;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes answers: Graph responses, plain JSON, and problem+json for /_sim. */
final class HttpReplies {
  private HttpReplies() {}

  static void graph(
      HttpServerRequest request, GraphResponse answer, ObjectMapper json, GraphClock clock) {
    HttpServerResponse response = request.response();
    response.setStatusCode(answer.status());
    response.putHeader("Date", clock.httpDate());
    answer.headers().forEach(response::putHeader);
    if (answer.body() == null) {
      response.end();
      return;
    }
    if (!answer.headers().containsKey("Content-Type")) {
      response.putHeader("Content-Type", "application/json");
    }
    response.end(write(answer.body(), json));
  }

  static void json(HttpServerRequest request, int status, Object body, ObjectMapper json) {
    request
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(write(body, json));
  }

  static void problem(
      HttpServerRequest request,
      int status,
      String title,
      String field,
      String detail,
      ObjectMapper json) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put(
        "type",
        status == 404 ? "urn:cordon:problem:not-found" : "urn:cordon:problem:validation-failed");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    if (field != null) {
      problem.put("errors", List.of(Map.of("field", field, "message", detail)));
    }
    request
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/problem+json")
        .end(write(problem, json));
  }

  private static String write(Object body, ObjectMapper json) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
