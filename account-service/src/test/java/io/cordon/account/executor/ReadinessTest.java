package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.account.service.readiness.ReadinessService;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphWireMockStubs;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.TestJwt;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/graph/readiness} and the preflight before a write: what the app's token and
 * its service principal's directory roles allow, read from Graph without a single write.
 */
@QuarkusTest
@GraphExecutorResources
class ReadinessTest {
  static final String PRIVILEGED_AUTH_ADMIN = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13";
  static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  static final String CLOUD_DEVICE_ADMIN = "7698a772-787b-4ac8-901f-60d6b08affd2";
  private static final String ADMIN = TestJwt.token("ada.admin@jaxa.example", TestJwt.ADMIN);
  private static final String RESPONDER =
      TestJwt.token("rita.responder@jaxa.example", TestJwt.RESPONDER);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @InjectGraphWireMock WireMockServer graph;
  @Inject ReadinessService readiness;
  ActionTraffic traffic;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
    traffic = new ActionTraffic();
  }

  @AfterEach
  void tearDown() {
    // the next test class shares this app: leave it a token with every permission and no verdict
    // on directory roles (Graph will not say, so nothing is refused for them)
    ExecutorGraph.reset(graph);
    readiness.check();
    traffic.close();
  }

  @Test
  void readinessNamesWhatIsGrantedAndWhatIsMissingWithoutAWrite() {
    appToken("User.RevokeSessions.All", "User.Read.All", "Application.Read.All");
    appDirectoryRoles(role(USER_ADMIN, "User Administrator"));

    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/graph/readiness")
        .then()
        .statusCode(200)
        .body("ready", equalTo(false))
        .body("clientId", equalTo("cordon-test-app"))
        .body("permissions", hasItems("User.RevokeSessions.All", "Application.Read.All"))
        .body("directoryRoles.displayName", hasItem("User Administrator"))
        .body("actions.find { it.action == 'REVOKE_SESSIONS' }.ready", equalTo(true))
        .body("actions.find { it.action == 'RESET_PASSWORD' }.ready", equalTo(false))
        .body(
            "actions.find { it.action == 'RESET_PASSWORD' }.missing",
            containsString("User-PasswordProfile.ReadWrite.All"))
        .body(
            "actions.find { it.action == 'DISABLE_ACCOUNT' }.privilegedTargets.ready",
            equalTo(false))
        .body(
            "missing",
            hasItem(
                containsString(
                    "Privileged Authentication Administrator or Global Administrator needed for"
                        + " RESET_PASSWORD")));

    assertThat(writes()).isZero();
  }

  @Test
  void everyPermissionAndAPrivilegedRoleMakeTheAppReady() {
    appDirectoryRoles(
        role(PRIVILEGED_AUTH_ADMIN, "Privileged Authentication Administrator"),
        role(CLOUD_DEVICE_ADMIN, "Cloud Device Administrator"));

    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/graph/readiness")
        .then()
        .statusCode(200)
        .body("ready", equalTo(true))
        .body("missing", empty())
        .body("directoryRolesUnreadable", Matchers.nullValue());
  }

  @Test
  void directoryRolesGraphWillNotShowAreReportedUnknownNotGranted() {
    // the app lacks Application.Read.All: Graph refuses to show its own service principal
    graph.stubFor(
        get(urlMatching("/v1\\.0/servicePrincipals.*"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":"
                            + "\"Insufficient privileges to complete the operation.\"}}")));
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/graph/readiness")
        .then()
        .statusCode(200)
        .body("ready", equalTo(false))
        .body("directoryRolesUnreadable", containsString("403"))
        .body(
            "actions.find { it.action == 'RESET_PASSWORD' }.privilegedTargets.missing",
            containsString("directory roles of the app unknown"));
  }

  @Test
  void rolesShownWithoutTheirNamesCountAsUnknown() {
    // Graph's "limited information" for a type the app may not read: only @odata.type and id
    appDirectoryRoles(
        "{\"@odata.type\":\"#microsoft.graph.directoryRole\",\"id\":\""
            + UUID.randomUUID()
            + "\"}");
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/graph/readiness")
        .then()
        .statusCode(200)
        .body("ready", equalTo(false))
        .body("directoryRolesUnreadable", containsString("RoleManagement.Read.Directory"));
  }

  @Test
  void onlyAdminsMayAskAndTheRefusalIsAProblem() {
    given()
        .auth()
        .oauth2(RESPONDER)
        .get("/api/v1/graph/readiness")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().get("/api/v1/graph/readiness").then().statusCode(401);
  }

  @Test
  void anActionWhosePermissionIsMissingMakesNoWriteAndSaysWhy() {
    GraphBatchStub.graphBatch().install(graph);
    appToken("User.RevokeSessions.All");
    readiness.check(); // takes the new token, as an operator's check after a change would

    ActionRequested reset = traffic.request(1, ActionType.RESET_PASSWORD);
    ActionRequested revoke = traffic.request(1, ActionType.REVOKE_SESSIONS);
    traffic.send(reset);
    traffic.send(revoke);
    Map<String, ActionCompleted> done = traffic.awaitCompletions(2, WAIT);

    ActionCompleted refused = done.get(reset.actionId());
    assertThat(refused.outcome()).isEqualTo(ActionOutcome.FAILED_PERMANENT);
    assertThat(refused.reasonCode()).isEqualTo(ReasonCode.MISSING_PERMISSION);
    assertThat(refused.reasonMessage())
        .contains("User-PasswordProfile.ReadWrite.All or User.ReadWrite.All");
    assertThat(done.get(revoke.actionId()).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(traffic.ownRequests(graph))
        .allMatch(r -> r.url().endsWith("/revokeSignInSessions"))
        .hasSize(1);
  }

  @Test
  void aPrivilegedAccountIsNotResetWithoutThePrivilegedRole() throws SQLException {
    GraphBatchStub.graphBatch().install(graph);
    appDirectoryRoles(role(USER_ADMIN, "User Administrator"));
    readiness.check();
    resolvedAccount(traffic.userId(5), "Global Administrator");
    resolvedAccount(traffic.userId(6), "");

    ActionRequested admin = traffic.request(5, ActionType.RESET_PASSWORD);
    ActionRequested disableAdmin = traffic.request(5, ActionType.DISABLE_ACCOUNT);
    ActionRequested user = traffic.request(6, ActionType.RESET_PASSWORD);
    traffic.send(java.util.List.of(admin, disableAdmin, user));
    Map<String, ActionCompleted> done = traffic.awaitCompletions(3, WAIT);

    for (ActionRequested refused : java.util.List.of(admin, disableAdmin)) {
      ActionCompleted completed = done.get(refused.actionId());
      assertThat(completed.outcome()).isEqualTo(ActionOutcome.FAILED_PERMANENT);
      assertThat(completed.reasonCode()).isEqualTo(ReasonCode.MISSING_PERMISSION);
      assertThat(completed.reasonMessage())
          .contains("Privileged Authentication Administrator or Global Administrator");
    }
    assertThat(done.get(user.actionId()).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
    assertThat(traffic.ownRequests(graph))
        .hasSize(1)
        .allMatch(r -> r.url().contains(traffic.userId(6)));
  }

  @Test
  void devicesAreNotDisabledWithoutADeviceRoleOfTheApp() {
    GraphBatchStub.graphBatch().install(graph);
    appDirectoryRoles(role(PRIVILEGED_AUTH_ADMIN, "Privileged Authentication Administrator"));
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/graph/readiness")
        .then()
        .statusCode(200)
        .body("ready", equalTo(false))
        .body(
            "actions.find { it.action == 'DISABLE_DEVICES' }.missing",
            containsString("Cloud Device Administrator"));

    ActionRequested devices = traffic.request(7, ActionType.DISABLE_DEVICES);
    traffic.send(devices);
    ActionCompleted completed = traffic.awaitCompletions(1, WAIT).get(devices.actionId());

    assertThat(completed.outcome()).isEqualTo(ActionOutcome.FAILED_PERMANENT);
    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.MISSING_PERMISSION);
    assertThat(completed.reasonMessage()).contains("Cloud Device Administrator");
    // refused before listing anything
    assertThat(
            graph.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(
                        "/v1.0/users/" + traffic.userId(7) + "/registeredDevices/graph.device"))))
        .isEmpty();
  }

  private void appToken(String... roles) {
    GraphWireMockStubs.stubTokenEndpoint(graph, "test-tenant", GraphWireMockStubs.appToken(roles));
  }

  private static String role(String templateId, String name) {
    return "{\"@odata.type\":\"#microsoft.graph.directoryRole\",\"id\":\""
        + UUID.randomUUID()
        + "\",\"displayName\":\""
        + name
        + "\",\"roleTemplateId\":\""
        + templateId
        + "\"}";
  }

  private void appDirectoryRoles(String... roles) {
    graph.stubFor(
        get(urlMatching(
                "/v1\\.0/servicePrincipals(\\(|%28)appId=('|%27)cordon-test-app('|%27)(\\)|%29).*"))
            .willReturn(json("{\"id\":\"5p000000-0000-4000-8000-000000000001\"}")));
    graph.stubFor(
        get(urlPathEqualTo(
                "/v1.0/servicePrincipals/5p000000-0000-4000-8000-000000000001/transitiveMemberOf"))
            .willReturn(json("{\"value\":[" + String.join(",", roles) + "]}")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** Requests that could change the tenant: anything but a read or a token request. */
  private long writes() {
    return graph.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(r -> !r.getMethod().getName().equals("GET"))
        .filter(r -> !r.getUrl().contains("/oauth2/"))
        .count();
  }

  private static void resolvedAccount(String objectId, String privilegedRoles) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      String reportId = UUID.randomUUID().toString();
      statement.executeUpdate(
          "insert into compromise_report (id, incident_id, severity, source, reported_by,"
              + " received_at, accepted_count, rejected_count, duplicate_count, status) values ('"
              + reportId
              + "', 'INC-READY', 'HIGH', 'MANUAL', 'test', now(), 1, 0, 0, 'PUBLISHED')");
      statement.executeUpdate(
          "insert into report_account (id, report_id, position, identifier_kind, identifier,"
              + " resolution, object_id, user_type, on_premises_synced, privileged_roles,"
              + " resolved_at) values ('"
              + UUID.randomUUID()
              + "', '"
              + reportId
              + "', 0, 'OBJECT_ID', '"
              + objectId
              + "', 'RESOLVED', '"
              + objectId
              + "', 'Member', false, '"
              + privilegedRoles
              + "', now())");
    }
  }
}
