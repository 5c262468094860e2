package io.cordon.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Installs a {@code $batch} endpoint whose inner answers follow rules: "the 1st POST to a URL
 * containing users/u1/revokeSignInSessions gets 429 with Retry-After 1, later ones succeed".
 */
public final class GraphBatchStub {
  private final List<Map<String, Object>> rules = new ArrayList<>();

  public static GraphBatchStub graphBatch() {
    return new GraphBatchStub();
  }

  /** The n-th matching inner request gets {@code statuses[n]} (the last one repeats). */
  public GraphBatchStub answer(String method, String urlContains, Integer... statuses) {
    return rule(method, urlContains, null, null, statuses);
  }

  public GraphBatchStub throttle(
      String method, String urlContains, int retryAfterSeconds, Integer... statuses) {
    return rule(method, urlContains, retryAfterSeconds, null, statuses);
  }

  public GraphBatchStub fail(
      String method, String urlContains, int status, String code, String message) {
    Map<String, Object> rule = newRule(method, urlContains, List.of(status));
    rule.put("code", code);
    rule.put("message", message);
    rules.add(rule);
    return this;
  }

  public void install(WireMockServer server) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("scenario", UUID.randomUUID().toString());
    parameters.put("rules", rules);
    server.stubFor(
        post(urlPathEqualTo(WireMockGraphResource.GRAPH_PATH + "/$batch"))
            .willReturn(
                aResponse()
                    .withTransformers(GraphBatchResponder.NAME)
                    .withTransformerParameters(parameters)));
  }

  private GraphBatchStub rule(
      String method, String urlContains, Integer retryAfter, String code, Integer... statuses) {
    Map<String, Object> rule = newRule(method, urlContains, List.of(statuses));
    if (retryAfter != null) {
      rule.put("retryAfter", retryAfter);
    }
    rules.add(rule);
    return this;
  }

  private static Map<String, Object> newRule(
      String method, String urlContains, List<Integer> statuses) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("method", method);
    rule.put("urlContains", urlContains);
    rule.put("statuses", statuses);
    return rule;
  }
}
