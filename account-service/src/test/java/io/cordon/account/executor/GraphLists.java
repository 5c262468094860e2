package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * Graph list answers for the cleanup actions, which list, remove, then list again to see the
 * removal applied: a list stub answers {@code before} once, then {@code after}.
 */
final class GraphLists {
  private GraphLists() {}

  /** {@code path} after {@code /v1.0/}; {@code before} and {@code after} are JSON arrays. */
  static void listThen(WireMockServer graph, String path, String before, String after) {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/" + path))
            .inScenario(path)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("listed")
            .willReturn(values(before)));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/" + path))
            .inScenario(path)
            .whenScenarioStateIs("listed")
            .willReturn(values(after)));
  }

  /** The same answer every time. */
  static void list(WireMockServer graph, String path, String values) {
    graph.stubFor(get(urlPathEqualTo("/v1.0/" + path)).willReturn(values(values)));
  }

  /** No PIM schedule and no direct role assignment for anyone. */
  static void noRoleAssignments(WireMockServer graph) {
    for (String list :
        new String[] {"roleEligibilitySchedules", "roleAssignmentSchedules", "roleAssignments"}) {
      list(graph, "roleManagement/directory/" + list, "[]");
    }
  }

  /** A mailbox whose Deleted Items, Archive and Junk Email folders have these ids. */
  static void mailFolders(WireMockServer graph, String userId) {
    for (String name : new String[] {"deleteditems", "archive", "junkemail"}) {
      graph.stubFor(
          get(urlPathEqualTo("/v1.0/users/" + userId + "/mailFolders/" + name))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"id\":\"AAMk-" + name + "\"}")));
    }
    list(graph, "users/" + userId + "/mailFolders", "[]");
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder values(String values) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"value\":" + values + "}");
  }
}
