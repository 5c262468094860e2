package io.cordon.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What Graph (WireMock) received: the {@code $batch} calls and every request inside them. */
public final class GraphJournal {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphJournal() {}

  /** One request inside a batch, with the time its batch arrived. */
  public record InnerRequest(String method, String url, JsonNode body, Instant receivedAt) {
    /** Without the body: it may hold a generated password, and failure messages get logged. */
    @Override
    public String toString() {
      return method + " " + url + " at " + receivedAt;
    }
  }

  public static List<LoggedRequest> batchCalls(WireMockServer server) {
    return batchCalls(server, WireMockGraphResource.GRAPH_PATH);
  }

  /** The {@code $batch} calls under another Graph root, e.g. a second tenant's. */
  public static List<LoggedRequest> batchCalls(WireMockServer server, String graphPath) {
    return server.findAll(postRequestedFor(urlPathEqualTo(graphPath + "/$batch")));
  }

  public static List<InnerRequest> innerRequests(WireMockServer server) {
    return innerRequests(server, WireMockGraphResource.GRAPH_PATH);
  }

  public static List<InnerRequest> innerRequests(WireMockServer server, String graphPath) {
    List<InnerRequest> inner = new ArrayList<>();
    for (LoggedRequest batch : batchCalls(server, graphPath)) {
      try {
        for (JsonNode request : JSON.readTree(batch.getBodyAsString()).path("requests")) {
          inner.add(
              new InnerRequest(
                  request.path("method").asText(),
                  request.path("url").asText(),
                  request.path("body"),
                  batch.getLoggedDate().toInstant()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    inner.sort(Comparator.comparing(InnerRequest::receivedAt));
    return inner;
  }
}
