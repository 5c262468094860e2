package io.cordon.account.executor;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.testsupport.GraphWireMockStubs;

/** WireMock as Graph, emptied, with an app token that carries every permission any test needs. */
final class ExecutorGraph {
  private ExecutorGraph() {}

  static void reset(WireMockServer graph) {
    GraphWireMockStubs.reset(graph);
    GraphWireMockStubs.stubTokenEndpoint(
        graph, "test-tenant", GraphWireMockStubs.appToken(ExecutorTest.ALL_PERMISSIONS));
  }
}
