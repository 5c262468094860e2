package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal;
import io.cordon.testsupport.GraphJournal.InnerRequest;
import io.cordon.testsupport.InjectGraphWireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What an attacker may have left to come back with (app credentials, consents, devices): removed
 * when added in the compromise window (by default the 30 days before the request), listed when
 * older.
 */
@QuarkusTest
@GraphExecutorResources
class PersistenceCleanupTest {
  private static final String ALLOWED_APP = "a11ed000-0000-4000-8000-000000000001";
  private static final String NEW = Instant.now().minus(Duration.ofDays(1)).toString();
  private static final String OLD = "2020-01-01T00:00:00Z";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @InjectGraphWireMock WireMockServer graph;

  @Test
  void removesTheSecretsAddedInTheWindowAndNamesNewCertificatesAndOlderSecrets() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      // 101 owned applications over two pages: the one on the second page counts as much
      List<String> firstPage = new ArrayList<>();
      firstPage.add(
          "{\"id\":\"app-1\",\"appId\":\"11111111-0000-4000-8000-000000000001\",\"displayName\":"
              + "\"Payroll sync\",\"passwordCredentials\":["
              + secret("00000000-0000-4000-8000-0000000000a1", OLD)
              + ","
              + secret("00000000-0000-4000-8000-0000000000a2", NEW)
              + "],\"keyCredentials\":[{\"keyId\":\"00000000-0000-4000-8000-0000000000c1\","
              + "\"displayName\":\"CN=backdoor\",\"type\":\"AsymmetricX509Cert\",\"usage\":"
              + "\"Verify\",\"startDateTime\":\""
              + NEW
              + "\"}]}");
      IntStream.range(2, 101)
          .forEach(
              i ->
                  firstPage.add(
                      "{\"id\":\"app-"
                          + i
                          + "\",\"appId\":\"11111111-0000-4000-8000-"
                          + String.format("%012d", i)
                          + "\",\"displayName\":\"App "
                          + i
                          + "\",\"passwordCredentials\":[],\"keyCredentials\":[]}"));
      stubPaged(
          victim + "/ownedObjects/graph.application",
          "[" + String.join(",", firstPage) + "]",
          "[{\"id\":\"app-101\",\"appId\":\"11111111-0000-4000-8000-000000000101\","
              + "\"displayName\":\"Late\",\"passwordCredentials\":["
              + secret("00000000-0000-4000-8000-0000000000b1", NEW)
              + "],\"keyCredentials\":[]}]",
          // after the removals: the older secret and the certificate (left for a person) remain
          "[{\"id\":\"app-1\",\"appId\":\"11111111-0000-4000-8000-000000000001\",\"displayName\":"
              + "\"Payroll sync\",\"passwordCredentials\":["
              + secret("00000000-0000-4000-8000-0000000000a1", OLD)
              + "],\"keyCredentials\":[{\"keyId\":\"00000000-0000-4000-8000-0000000000c1\","
              + "\"displayName\":\"CN=backdoor\",\"type\":\"AsymmetricX509Cert\",\"usage\":"
              + "\"Verify\",\"startDateTime\":\""
              + NEW
              + "\"}]}]");
      stubList(
          victim + "/ownedObjects/graph.servicePrincipal",
          "[{\"id\":\"sp-1\",\"appId\":\"11111111-0000-4000-8000-000000000001\",\"displayName\":"
              + "\"Payroll sync\",\"passwordCredentials\":["
              + secret("00000000-0000-4000-8000-0000000000d1", NEW)
              + "],\"keyCredentials\":[]}]",
          "[{\"id\":\"sp-1\",\"appId\":\"11111111-0000-4000-8000-000000000001\",\"displayName\":"
              + "\"Payroll sync\",\"passwordCredentials\":[],\"keyCredentials\":[]}]");
      ActionRequested request = traffic.request(1, ActionType.REMOVE_APP_CREDENTIALS);

      traffic.send(request);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(request.actionId());

      assertThat(writes(graph, victim))
          .isEmpty(); // nothing written under the user: the removals go to the apps
      List<String> removals =
          innerRequests(graph).stream()
              .filter(r -> r.method().equals("POST"))
              .map(r -> r.url() + " " + r.body().path("keyId").asText())
              .toList();
      assertThat(removals)
          .containsExactlyInAnyOrder(
              "/applications/app-1/removePassword 00000000-0000-4000-8000-0000000000a2",
              "/applications/app-101/removePassword 00000000-0000-4000-8000-0000000000b1",
              "/servicePrincipals/sp-1/removePassword 00000000-0000-4000-8000-0000000000d1");
      assertThat(done.outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
      assertThat(done.reasonCode()).isEqualTo(ReasonCode.LEFT_FOR_MANUAL);
      assertThat(done.reasonMessage())
          .startsWith("removed 3; for a person to remove (1): certificate")
          .contains("00000000-0000-4000-8000-0000000000c1 'CN=backdoor'")
          .contains("older than the window, kept (1): secret 00000000-0000-4000-8000-0000000000a1");
    }
  }

  @Test
  void removesConsentsToAppsNotAllowedAndListsOlderAssignments() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      stubPrincipal("sp-unknown", "99999999-0000-4000-8000-000000000009");
      stubPrincipal("sp-allowed", ALLOWED_APP);
      stubPaged(
          victim + "/appRoleAssignments",
          "["
              + assignment("ara-new", "sp-unknown", NEW)
              + ","
              + assignment("ara-old", "sp-unknown", OLD)
              + "]",
          "[" + assignment("ara-allowed", "sp-allowed", NEW) + "]",
          "["
              + assignment("ara-old", "sp-unknown", OLD)
              + ","
              + assignment("ara-allowed", "sp-allowed", NEW)
              + "]");
      stubList(
          victim + "/oauth2PermissionGrants",
          "[{\"id\":\"grant-unknown\",\"clientId\":\"sp-unknown\",\"consentType\":\"Principal\","
              + "\"scope\":\"Mail.Read offline_access\"},{\"id\":\"grant-allowed\",\"clientId\":"
              + "\"sp-allowed\",\"consentType\":\"Principal\",\"scope\":\"User.Read\"}]",
          "[{\"id\":\"grant-allowed\",\"clientId\":\"sp-allowed\",\"consentType\":"
              + "\"Principal\",\"scope\":\"User.Read\"}]");
      ActionRequested request = traffic.request(1, ActionType.REMOVE_APP_CONSENTS);

      traffic.send(request);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(request.actionId());

      assertThat(deletions(graph))
          .containsExactlyInAnyOrder(
              "/users/" + victim + "/appRoleAssignments/ara-new",
              "/oauth2PermissionGrants/grant-unknown");
      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.reasonMessage())
          .isEqualTo(
              "removed 2; older than the window, kept (1): app role assignment ara-old to"
                  + " 'Unknown app' from 2020-01-01T00:00Z");
      // each app's service principal is read once per listing, however many consents it has (the
      // listing after the removals no longer meets sp-unknown's grant)
      assertThat(
              graph.findAll(
                  com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                      urlPathEqualTo("/v1.0/servicePrincipals/sp-unknown"))))
          .hasSize(1);
    }
  }

  @Test
  void aConsentAlreadyGoneCountsAsRemovedWhenTheActionRunsAgain() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch()
        .fail(
            "DELETE",
            "/appRoleAssignments/ara-new",
            404,
            "Request_ResourceNotFound",
            "Resource 'ara-new' does not exist or one of its queried reference-property objects"
                + " are not present.")
        .install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      stubPrincipal("sp-unknown", "99999999-0000-4000-8000-000000000009");
      stubList(
          victim + "/appRoleAssignments",
          "[" + assignment("ara-new", "sp-unknown", NEW) + "]",
          "[]");
      stubList(victim + "/oauth2PermissionGrants", "[]");
      ActionRequested request = traffic.request(1, ActionType.REMOVE_APP_CONSENTS);

      traffic.send(request);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(request.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.reasonMessage()).isEqualTo("removed 1");
    }
  }

  @Test
  void disablesDevicesRegisteredInTheWindowOnceAndNamesWhatItMayNotDisable() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      stubPaged(
          victim + "/registeredDevices/graph.device",
          "["
              + device("dev-new", "Windows", true, NEW)
              + ","
              + device("dev-old", "Windows", true, OLD)
              + ","
              + device("dev-off", "Windows", false, NEW)
              + "]",
          "[" + device("dev-phone", "iOS", true, NEW) + "]",
          "["
              + device("dev-new", "Windows", false, NEW)
              + ","
              + device("dev-old", "Windows", true, OLD)
              + ","
              + device("dev-off", "Windows", false, NEW)
              + ","
              + device("dev-phone", "iOS", true, NEW)
              + "]");
      // owned and registered: one device, disabled once
      stubList(
          victim + "/ownedDevices/graph.device",
          "["
              + device("dev-new", "Windows", true, NEW)
              + ","
              + device("dev-owned", "Windows", true, NEW)
              + "]",
          "["
              + device("dev-new", "Windows", false, NEW)
              + ","
              + device("dev-owned", "Windows", false, NEW)
              + "]");
      ActionRequested request = traffic.request(1, ActionType.DISABLE_DEVICES);

      traffic.send(request);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(request.actionId());

      List<InnerRequest> patches =
          innerRequests(graph).stream().filter(r -> r.method().equals("PATCH")).toList();
      assertThat(patches.stream().map(InnerRequest::url))
          .containsExactlyInAnyOrder("/devices/dev-new", "/devices/dev-owned");
      assertThat(patches)
          .allSatisfy(p -> assertThat(p.body().path("accountEnabled").asBoolean(true)).isFalse());
      assertThat(done.outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
      assertThat(done.reasonCode()).isEqualTo(ReasonCode.LEFT_FOR_MANUAL);
      assertThat(done.reasonMessage())
          .startsWith("disabled 2; for a person to remove (1): device dev-phone 'dev-phone' (iOS")
          .contains("older than the window, kept (1): device dev-old 'dev-old' registered 2020");
    }
  }

  private static String secret(String keyId, String start) {
    return "{\"keyId\":\""
        + keyId
        + "\",\"displayName\":\"s-"
        + keyId.substring(keyId.length() - 2)
        + "\",\"hint\":\"abc\",\"secretText\":null,\"startDateTime\":\""
        + start
        + "\",\"endDateTime\":\"2030-01-01T00:00:00Z\"}";
  }

  private static String assignment(String id, String resourceId, String created) {
    return "{\"id\":\""
        + id
        + "\",\"appRoleId\":\"00000000-0000-0000-0000-000000000000\",\"createdDateTime\":\""
        + created
        + "\",\"principalType\":\"User\",\"resourceId\":\""
        + uuidOf(resourceId)
        + "\",\"resourceDisplayName\":\""
        + (resourceId.equals("sp-allowed") ? "Allowed app" : "Unknown app")
        + "\"}";
  }

  private static String device(String id, String os, boolean enabled, String registered) {
    return "{\"@odata.type\":\"#microsoft.graph.device\",\"id\":\""
        + id
        + "\",\"deviceId\":\"d-"
        + id
        + "\",\"displayName\":\""
        + id
        + "\",\"operatingSystem\":\""
        + os
        + "\",\"accountEnabled\":"
        + enabled
        + ",\"registrationDateTime\":\""
        + registered
        + "\"}";
  }

  /** appRoleAssignment.resourceId is a Guid: the test's principals get fixed ones. */
  private static String uuidOf(String principal) {
    return principal.equals("sp-allowed")
        ? "5a000000-0000-4000-8000-0000000000a1"
        : "5a000000-0000-4000-8000-0000000000b2";
  }

  private void stubPrincipal(String name, String appId) {
    for (String path : List.of(name, uuidOf(name))) {
      graph.stubFor(
          get(urlPathEqualTo("/v1.0/servicePrincipals/" + path))
              .willReturn(json("{\"id\":\"" + path + "\",\"appId\":\"" + appId + "\"}")));
    }
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  private void stubList(String userPath, String values) {
    stubList(userPath, values, values);
  }

  /**
   * {@code before} on the first listing, {@code after} on the next: the action lists again after
   * its removals to see them gone.
   */
  private void stubList(String userPath, String before, String after) {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + userPath))
            .inScenario(userPath)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("removed")
            .willReturn(json("{\"value\":" + before + "}")));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + userPath))
            .inScenario(userPath)
            .whenScenarioStateIs("removed")
            .willReturn(json("{\"value\":" + after + "}")));
  }

  /**
   * Two pages joined by Graph's {@code @odata.nextLink} on the first listing; {@code after} (one
   * page) on the listing after the removals.
   */
  private void stubPaged(String userPath, String first, String second, String after) {
    String baseUrl = ConfigProvider.getConfig().getValue("cordon.graph.base-url", String.class);
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + userPath))
            .inScenario(userPath)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("removed")
            .willReturn(
                json(
                    "{\"value\":"
                        + first
                        + ",\"@odata.nextLink\":\""
                        + baseUrl
                        + "/users/"
                        + userPath
                        + "?$skiptoken=page2\"}")));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + userPath))
            .inScenario(userPath)
            .whenScenarioStateIs("removed")
            .willReturn(json("{\"value\":" + after + "}")));
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + userPath))
            .atPriority(1)
            .withQueryParam("$skiptoken", equalTo("page2"))
            .willReturn(json("{\"value\":" + second + "}")));
  }

  private static List<InnerRequest> innerRequests(WireMockServer graph) {
    return GraphJournal.innerRequests(graph);
  }

  private static List<String> deletions(WireMockServer graph) {
    return innerRequests(graph).stream()
        .filter(r -> r.method().equals("DELETE"))
        .map(InnerRequest::url)
        .collect(Collectors.toList());
  }

  private static List<String> writes(WireMockServer graph, String user) {
    return innerRequests(graph).stream()
        .filter(r -> !r.method().equals("GET"))
        .map(InnerRequest::url)
        .filter(u -> u.startsWith("/users/" + user))
        .toList();
  }
}
