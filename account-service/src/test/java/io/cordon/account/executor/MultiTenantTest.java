package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.service.budget.GraphBudget;
import io.cordon.account.service.readiness.GraphReadiness;
import io.cordon.account.service.readiness.ReadinessService;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal;
import io.cordon.testsupport.GraphWireMockStubs;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.WireMockGraphResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One deployment, two Entra tenants: each tenant's Graph gets that tenant's token and budget. */
@QuarkusTest
@TestProfile(MultiTenantProfile.class)
@GraphExecutorResources
class MultiTenantTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String RESPONDER =
      TestJwt.token("responder@jaxa.example", TestJwt.RESPONDER);
  private static final String VIEWER = TestJwt.token("viewer@jaxa.example", TestJwt.VIEWER);
  // fabrikam's app holds one permission more, so its token (and its roles claim) differs
  static final String CONTOSO_TOKEN = GraphWireMockStubs.appToken(ExecutorTest.ALL_PERMISSIONS);
  static final String FABRIKAM_TOKEN =
      GraphWireMockStubs.appToken(
          Stream.concat(Stream.of(ExecutorTest.ALL_PERMISSIONS), Stream.of("Domain.Read.All"))
              .toArray(String[]::new));

  @InjectGraphWireMock WireMockServer graph;
  @Inject TenantRegistry tenants;
  @Inject ReadinessService readiness;
  @Inject GraphBudget budget;
  @Inject GraphConfig graphConfig;
  ActionTraffic traffic;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
    GraphWireMockStubs.stubTokenEndpoint(graph, MultiTenantProfile.CONTOSO_ID, CONTOSO_TOKEN);
    GraphWireMockStubs.stubTokenEndpoint(graph, MultiTenantProfile.FABRIKAM_ID, FABRIKAM_TOKEN);
    stubDomains(WireMockGraphResource.GRAPH_PATH, CONTOSO_TOKEN, "[]");
    // Graph lists unverified domains too: they must not route accounts
    stubDomains(
        MultiTenantProfile.FABRIKAM_PATH,
        FABRIKAM_TOKEN,
        "[{\"id\":\"fabrikam.example\",\"isVerified\":true},"
            + "{\"id\":\"pending.example\",\"isVerified\":false}]");
    traffic = new ActionTraffic();
  }

  @AfterEach
  void tearDown() {
    traffic.close();
  }

  @Test
  void eachTenantsActionsGoToItsGraphWithItsTokenAndSpendItsBudget() throws SQLException {
    List<ActionRequested> requests = new ArrayList<>();
    List<String> contosoUsers = List.of(traffic.userId(1), traffic.userId(2));
    List<String> fabrikamUsers = List.of(traffic.userId(11), traffic.userId(12));
    // each tenant's Graph knows only its own users: a membership read in the wrong tenant would
    // answer 404 and finish the action USER_NOT_FOUND
    GraphBatchStub contosoDirectory = GraphBatchStub.graphBatch();
    contosoUsers.forEach(
        u ->
            contosoDirectory.user(
                u, u + "@contoso.example", "Member", false, List.of(), List.of()));
    contosoDirectory.install(graph);
    GraphBatchStub fabrikamDirectory = GraphBatchStub.graphBatch();
    fabrikamUsers.forEach(
        u ->
            fabrikamDirectory.user(
                u, u + "@fabrikam.example", "Member", false, List.of(), List.of()));
    fabrikamDirectory.install(graph, MultiTenantProfile.FABRIKAM_PATH);
    for (String user : contosoUsers) {
      requests.add(
          traffic.request(user, ActionType.REVOKE_SESSIONS, MultiTenantProfile.CONTOSO_ID));
    }
    for (String user : fabrikamUsers) {
      requests.add(
          traffic.request(user, ActionType.REVOKE_SESSIONS, MultiTenantProfile.FABRIKAM_ID));
    }

    traffic.send(requests);
    Map<String, ActionCompleted> completions = traffic.awaitCompletions(4, WAIT);

    assertThat(completions.values()).allMatch(c -> c.outcome() == ActionOutcome.SUCCEEDED);
    assertBatchesOnlyFor(WireMockGraphResource.GRAPH_PATH, CONTOSO_TOKEN, contosoUsers);
    assertBatchesOnlyFor(MultiTenantProfile.FABRIKAM_PATH, FABRIKAM_TOKEN, fabrikamUsers);
    // the budget rows are the tenant's own: a storm in one never waits on the other's
    assertThat(budgetBuckets(MultiTenantProfile.CONTOSO_ID)).contains("resource-units");
    assertThat(budgetBuckets(MultiTenantProfile.FABRIKAM_ID)).contains("resource-units");
  }

  @Test
  void anActionForATenantNotConfiguredIsNeverSentToAnother() {
    GraphBatchStub.graphBatch().install(graph);
    GraphBatchStub.graphBatch().install(graph, MultiTenantProfile.FABRIKAM_PATH);
    String stranger = traffic.userId(21);
    ActionRequested request =
        traffic.request(
            stranger, ActionType.DISABLE_ACCOUNT, "99999999-0000-4000-8000-000000000999");

    traffic.send(List.of(request));
    ActionCompleted completed = traffic.awaitCompletions(1, WAIT).get(request.actionId());

    assertThat(completed.outcome()).isEqualTo(ActionOutcome.FAILED_PERMANENT);
    assertThat(completed.reasonCode()).isEqualTo(ReasonCode.NOT_APPLICABLE);
    assertThat(completed.reasonMessage()).contains("99999999-0000-4000-8000-000000000999");
    assertThat(traffic.ownRequests(graph)).isEmpty();
    assertThat(GraphJournal.innerRequests(graph, MultiTenantProfile.FABRIKAM_PATH))
        .noneMatch(r -> r.url().contains(stranger));
  }

  @Test
  void aTenantWithoutBudgetIsPutOffWhileTheOthersAccountsAreContained() throws Exception {
    GraphTenant fabrikam = tenants.byName("fabrikam").orElseThrow();
    // fabrikam's actions come first in the claim (lower account numbers), contoso's after
    List<String> fabrikamUsers = List.of(traffic.userId(21), traffic.userId(22));
    List<String> contosoUsers = List.of(traffic.userId(23), traffic.userId(24));
    GraphBatchStub contosoDirectory = GraphBatchStub.graphBatch();
    contosoUsers.forEach(
        u ->
            contosoDirectory.user(
                u, u + "@contoso.example", "Member", false, List.of(), List.of()));
    contosoDirectory.install(graph);
    GraphBatchStub fabrikamDirectory = GraphBatchStub.graphBatch();
    fabrikamUsers.forEach(
        u ->
            fabrikamDirectory.user(
                u, u + "@fabrikam.example", "Member", false, List.of(), List.of()));
    fabrikamDirectory.install(graph, MultiTenantProfile.FABRIKAM_PATH);
    // fabrikam is a small tenant: its whole 10 s window of resource units, spent at once
    int smallWindow =
        (int) (GraphConfig.TenantSize.SMALL.resourceUnitsPer10s() * graphConfig.budget().scale());
    budget.acquire(fabrikam, smallWindow, 0, 0).close();
    List<ActionRequested> requests = new ArrayList<>();
    fabrikamUsers.forEach(
        u ->
            requests.add(
                traffic.request(u, ActionType.REVOKE_SESSIONS, MultiTenantProfile.FABRIKAM_ID)));
    contosoUsers.forEach(
        u ->
            requests.add(
                traffic.request(u, ActionType.REVOKE_SESSIONS, MultiTenantProfile.CONTOSO_ID)));

    traffic.send(requests);
    Map<String, ActionCompleted> completions = traffic.awaitCompletions(4, WAIT);

    assertThat(completions.values())
        .extracting(ActionCompleted::outcome)
        .containsOnly(ActionOutcome.SUCCEEDED);
    // contoso's were done while fabrikam's waited for its window, put off without an attempt
    Map<String, Ledgered> ledger = ledgered(requests);
    Instant lastContoso =
        contosoUsers.stream().map(u -> ledger.get(u).completedAt()).max(Instant::compareTo).get();
    Instant firstFabrikam =
        fabrikamUsers.stream().map(u -> ledger.get(u).completedAt()).min(Instant::compareTo).get();
    assertThat(lastContoso).isBefore(firstFabrikam);
    assertThat(fabrikamUsers).allSatisfy(u -> assertThat(ledger.get(u).attempts()).isEqualTo(1));
  }

  private record Ledgered(Instant completedAt, int attempts) {}

  private static Map<String, Ledgered> ledgered(List<ActionRequested> requests)
      throws SQLException {
    Map<String, Ledgered> byAccount = new java.util.HashMap<>();
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select account_object_id, completed_at, attempts from remediation_action"
                    + " where action_id = ?")) {
      for (ActionRequested request : requests) {
        statement.setString(1, request.actionId());
        try (ResultSet row = statement.executeQuery()) {
          assertThat(row.next()).as("ledger row of %s", request.actionId()).isTrue();
          byAccount.put(
              row.getString(1), new Ledgered(row.getTimestamp(2).toInstant(), row.getInt(3)));
        }
      }
    }
    return byAccount;
  }

  @Test
  void anAccountProtectedInOneTenantIsNotProtectedInAnother() {
    String admin = TestJwt.token("admin@jaxa.example", TestJwt.ADMIN);
    String user = traffic.userId(31);
    GraphBatchStub contosoDirectory = GraphBatchStub.graphBatch();
    contosoDirectory.user(user, "u31@contoso.example", "Member", false, List.of(), List.of());
    contosoDirectory.install(graph);
    GraphBatchStub fabrikamDirectory = GraphBatchStub.graphBatch();
    fabrikamDirectory.user(user, "u31@fabrikam.example", "Member", false, List.of(), List.of());
    fabrikamDirectory.install(graph, MultiTenantProfile.FABRIKAM_PATH);
    // a tenant that is not configured protects nobody: refused, naming the field
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body("{\"kind\": \"user\", \"reason\": \"break-glass\", \"tenant\": \"northwind\"}")
        .put("/api/v1/protected-accounts/" + user)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", Matchers.equalTo("tenant"))
        .body("errors[0].reason", Matchers.containsString("contoso"));
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(
            "{\"kind\": \"user\", \"reason\": \"fabrikam break-glass\", \"tenant\": \"fabrikam\"}")
        .put("/api/v1/protected-accounts/" + user)
        .then()
        .statusCode(201)
        .body("tenant", Matchers.equalTo("fabrikam"))
        .body("tenantId", Matchers.equalTo(MultiTenantProfile.FABRIKAM_ID.toLowerCase()));
    // one run per tenant: an action's id is its run's, its action's and its account's
    try (ActionTraffic fabrikamRun = new ActionTraffic()) {
      ActionRequested inContoso =
          traffic.request(user, ActionType.REVOKE_SESSIONS, MultiTenantProfile.CONTOSO_ID);
      ActionRequested inFabrikam =
          fabrikamRun.request(user, ActionType.REVOKE_SESSIONS, MultiTenantProfile.FABRIKAM_ID);

      traffic.send(List.of(inContoso));
      fabrikamRun.send(List.of(inFabrikam));

      assertThat(traffic.awaitCompletions(1, WAIT).get(inContoso.actionId()).outcome())
          .isEqualTo(ActionOutcome.SUCCEEDED);
      ActionCompleted held = fabrikamRun.awaitCompletions(1, WAIT).get(inFabrikam.actionId());
      assertThat(held.outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
      assertThat(held.reasonCode()).isEqualTo(ReasonCode.PROTECTED_ACCOUNT);
      assertThat(held.reasonMessage()).contains("fabrikam break-glass");
      assertThat(GraphJournal.innerRequests(graph, MultiTenantProfile.FABRIKAM_PATH))
          .noneMatch(r -> r.method().equals("POST") && r.url().contains(user));
    } finally {
      given()
          .auth()
          .oauth2(admin)
          .delete("/api/v1/protected-accounts/" + user)
          .then()
          .statusCode(204);
    }
  }

  @Test
  void readinessIsCheckedPerTenantWithThatTenantsToken() {
    GraphTenant fabrikam = tenants.byName("fabrikam").orElseThrow();
    GraphTenant contoso = tenants.byName("contoso").orElseThrow();

    GraphReadiness fabrikamReadiness = readiness.check(fabrikam);
    GraphReadiness contosoReadiness = readiness.check(contoso);

    assertThat(fabrikamReadiness.tenantId()).isEqualTo(MultiTenantProfile.FABRIKAM_ID);
    assertThat(fabrikamReadiness.clientId()).isEqualTo("fabrikam-app");
    assertThat(fabrikamReadiness.permissions()).contains("Domain.Read.All");
    assertThat(contosoReadiness.tenantId()).isEqualTo(MultiTenantProfile.CONTOSO_ID);
    assertThat(contosoReadiness.permissions()).doesNotContain("Domain.Read.All");
    assertThat(tenants.primary()).isEqualTo(contoso);
  }

  @Test
  void oneReportSpanningTwoTenantsIsResolvedInEachAccountsOwnTenant() {
    String aiko = "44444444-0000-4000-8000-0000000000a1";
    String dora = "44444444-0000-4000-8000-0000000000d1";
    String bruno = "55555555-0000-4000-8000-0000000000b1";
    String carla = "55555555-0000-4000-8000-0000000000c1";
    String felix = "55555555-0000-4000-8000-0000000000f1";
    GraphBatchStub.graphBatch()
        .user(aiko, "aiko@contoso.example", "Member", false, List.of(), List.of())
        .user(dora, "dora@elsewhere.example", "Member", false, List.of(), List.of())
        .install(graph);
    GraphBatchStub.graphBatch()
        .user(bruno, "bruno@fabrikam.example", "Member", false, List.of(), List.of())
        .user(carla, "carla@partner.example", "Member", false, List.of(), List.of())
        .user(felix, "felix@fabrikam.example", "Member", false, List.of(), List.of())
        .install(graph, MultiTenantProfile.FABRIKAM_PATH);

    ExtractableResponse<Response> submitted =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body(
                """
                {"incident": {"id": "INC-TWO-TENANTS"}, "accounts": [
                  "aiko@contoso.example",
                  "bruno@fabrikam.example",
                  {"upn": "carla@partner.example", "tenantId": "fabrikam.example"},
                  {"objectId": "%s", "tenantId": "FABFABFA-0000-4000-8000-00000000FAB0"},
                  "dora@elsewhere.example",
                  {"upn": "gina@contoso.example", "tenantId": "99999999-0000-4000-8000-000000000999"},
                  "hana@shared.example",
                  "ivan@pending.example"
                ]}"""
                    .formatted(felix))
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(202)
            .extract();
    String reportId = submitted.path("reportId");
    // an unknown tenant and a domain of two tenants are refused per entry, naming the account;
    // an unverified domain is no tenant's, so its account goes to the default tenant
    List<String> reasons = submitted.path("rejected.reason");
    assertThat(reasons).hasSize(2);
    assertThat(reasons.get(0))
        .contains("gina@contoso.example")
        .contains("99999999-0000-4000-8000-000000000999")
        .contains("is no tenant");
    assertThat(reasons.get(1))
        .contains("hana@shared.example")
        .contains("several tenants (contoso, fabrikam)");

    await().atMost(WAIT).until(() -> pending(reportId) == 0);
    given()
        .auth()
        .oauth2(VIEWER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .statusCode(200)
        .body(
            "accounts.items.tenantName",
            Matchers.contains("contoso", "fabrikam", "fabrikam", "fabrikam", "contoso", "contoso"))
        .body("accounts.items[1].tenantId", Matchers.equalTo(MultiTenantProfile.FABRIKAM_ID))
        .body("accounts.items[2].tenant", Matchers.equalTo("fabrikam.example"));
    Map<String, String> tenantByUpn = new java.util.HashMap<>();
    Map<String, String> tenantNameByUpn = new java.util.HashMap<>();
    CompromiseReported reported = awaitReport(reportId);
    // the run's preflight gets what the app may do in both tenants: fabrikam's extra grant is not
    // contoso's
    assertThat(reported.graphAccess().permissions())
        .contains("User.ReadWrite.All")
        .doesNotContain("Domain.Read.All");
    for (ResolvedAccount account : reported.accounts()) {
      tenantByUpn.put(account.userPrincipalName(), account.tenantId());
      tenantNameByUpn.put(account.userPrincipalName(), account.tenantName());
    }
    // the run shows people the tenant's configured name beside its directory id
    assertThat(tenantNameByUpn)
        .containsEntry("aiko@contoso.example", "contoso")
        .containsEntry("felix@fabrikam.example", "fabrikam")
        .hasSize(5);
    assertThat(tenantByUpn)
        .containsEntry("aiko@contoso.example", MultiTenantProfile.CONTOSO_ID)
        .containsEntry("dora@elsewhere.example", MultiTenantProfile.CONTOSO_ID)
        .containsEntry("bruno@fabrikam.example", MultiTenantProfile.FABRIKAM_ID)
        .containsEntry("carla@partner.example", MultiTenantProfile.FABRIKAM_ID)
        .containsEntry("felix@fabrikam.example", MultiTenantProfile.FABRIKAM_ID)
        .hasSize(5);
    // each tenant's lookups went to its own Graph with its own token
    List<LoggedRequest> fabrikamBatches =
        GraphJournal.batchCalls(graph, MultiTenantProfile.FABRIKAM_PATH);
    assertThat(fabrikamBatches)
        .isNotEmpty()
        .allSatisfy(
            call -> {
              assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + FABRIKAM_TOKEN);
              assertThat(call.getBodyAsString()).doesNotContain("aiko").doesNotContain("dora");
            });
    assertThat(GraphJournal.batchCalls(graph, WireMockGraphResource.GRAPH_PATH))
        .isNotEmpty()
        .allSatisfy(
            call -> {
              assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + CONTOSO_TOKEN);
              assertThat(call.getBodyAsString()).doesNotContain("bruno").doesNotContain("carla");
            });
    // bruno's domain is one only Graph lists for fabrikam, and only to fabrikam's token (the
    // domains stub matches the Authorization header): his routing proves both
  }

  @Test
  void aDryRunReadsEachAccountInItsTenantAndRefusesAsTheReportWould() {
    String kai = "44444444-0000-4000-8000-0000000000a2";
    String lena = "55555555-0000-4000-8000-0000000000b2";
    GraphBatchStub.graphBatch()
        .user(kai, "kai@contoso.example", "Member", false, List.of(), List.of())
        .install(graph);
    GraphBatchStub.graphBatch()
        .user(lena, "lena@fabrikam.example", "Member", false, List.of(), List.of())
        .install(graph, MultiTenantProfile.FABRIKAM_PATH);

    io.restassured.path.json.JsonPath plan =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .queryParam("dryRun", "true")
            .body(
                """
                {"incident": {"id": "INC-DRY-TENANTS"}, "accounts": [
                  "kai@contoso.example", "lena@fabrikam.example", "mia@shared.example"]}""")
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(plan.getList("accounts.resolution")).containsExactly("RESOLVED", "RESOLVED");
    assertThat(plan.getList("accounts.account.tenantId"))
        .containsExactly(MultiTenantProfile.CONTOSO_ID, MultiTenantProfile.FABRIKAM_ID);
    assertThat(plan.getString("rejected[0].reason")).contains("mia@shared.example");
    assertThat(GraphJournal.batchCalls(graph, MultiTenantProfile.FABRIKAM_PATH))
        .anySatisfy(call -> assertThat(call.getBodyAsString()).contains("lena"))
        .allSatisfy(call -> assertThat(call.getBodyAsString()).doesNotContain("kai"));
    assertThat(plan.getList("graphAccess.permissions", String.class))
        .doesNotContain("Domain.Read.All");

    // accounts of fabrikam alone: fabrikam's own grant counts
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .queryParam("dryRun", "true")
        .body(
            "{\"incident\": {\"id\": \"INC-DRY-FABRIKAM\"}, \"accounts\": [\"lena@fabrikam.example\"]}")
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(200)
        .body("graphAccess.permissions", Matchers.hasItem("Domain.Read.All"));
  }

  @Test
  void adminsListTheTenantsWithoutSecrets() {
    String admin = TestJwt.token("admin@jaxa.example", TestJwt.ADMIN);
    String body =
        given()
            .auth()
            .oauth2(admin)
            .get("/api/v1/tenants")
            .then()
            .statusCode(200)
            .body("name", Matchers.contains("contoso", "fabrikam"))
            .body("tenantId[1]", Matchers.equalTo(MultiTenantProfile.FABRIKAM_ID))
            .body("clientId[1]", Matchers.equalTo("fabrikam-app"))
            .body("cloud", Matchers.contains("global", "global"))
            .body("isDefault", Matchers.contains(true, false))
            .body("tenantSize[1]", Matchers.equalTo("small"))
            .body("domains[1]", Matchers.contains("fabrikam.example", "shared.example"))
            .body("readiness[1].unavailable", Matchers.nullValue())
            .extract()
            .asString();
    assertThat(body)
        .doesNotContain("fabrikam-secret-not-real")
        .doesNotContain("test-client-secret-not-real");

    given().auth().oauth2(VIEWER).get("/api/v1/tenants").then().statusCode(403);
    given()
        .auth()
        .oauth2(admin)
        .get("/api/v1/graph/readiness?tenant=fabrikam")
        .then()
        .statusCode(200)
        .body("tenantId", Matchers.equalTo(MultiTenantProfile.FABRIKAM_ID));
    given()
        .auth()
        .oauth2(admin)
        .get("/api/v1/graph/readiness?tenant=northwind")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", Matchers.equalTo("tenant"));
  }

  @Test
  void anAccountRoutedToATenantNoLongerConfiguredIsNeverReadInAnother() throws SQLException {
    // fabrikam's Graph throttles the lookup: the account waits 30 s to be read again
    GraphBatchStub.graphBatch()
        .throttle("GET", "rita", 30, 429)
        .install(graph, MultiTenantProfile.FABRIKAM_PATH);
    String reportId =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body(
                "{\"incident\": {\"id\": \"INC-GONE\"}, \"accounts\": [\"rita@fabrikam.example\"]}")
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(202)
            .extract()
            .path("reportId");
    // as after a restart without fabrikam among the tenants, once the refused read is recorded
    // (so no read of it is under way)
    await()
        .atMost(WAIT)
        .until(
            () ->
                sql(
                        "update report_account set tenant_name = 'fabrikam-gone',"
                            + " next_attempt_at = now() where report_id = ?::uuid"
                            + " and resolution = 'PENDING' and resolution_reason is not null"
                            + " and next_attempt_at > now() + interval '10 seconds'",
                        reportId)
                    == 1);

    await().atMost(WAIT).until(() -> pending(reportId) == 0);
    given()
        .auth()
        .oauth2(VIEWER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .body("accounts.items[0].resolution", Matchers.equalTo("FAILED"))
        .body(
            "accounts.items[0].reason",
            Matchers.containsString("fabrikam-gone is no longer configured"));
    assertThat(GraphJournal.batchCalls(graph, WireMockGraphResource.GRAPH_PATH))
        .noneMatch(call -> call.getBodyAsString().contains("rita@fabrikam.example"));
  }

  private static int sql(String update, String parameter) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(update)) {
      statement.setString(1, parameter);
      return statement.executeUpdate();
    }
  }

  private void stubDomains(String graphPath, String token, String domains) {
    graph.stubFor(
        get(urlPathEqualTo(graphPath + "/domains"))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(okJson("{\"value\":" + domains + "}")));
  }

  private static long pending(String reportId) {
    return ((Number)
            given()
                .auth()
                .oauth2(VIEWER)
                .get("/api/v1/compromise-reports/" + reportId)
                .then()
                .extract()
                .path("counts.pending"))
        .longValue();
  }

  private static CompromiseReported awaitReport(String reportId) {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        for (var record : kafka.readAll(Topics.COMPROMISE_REPORTS)) {
          if (reportId.equals(record.key())) {
            return EventJson.read(record.value(), CompromiseReported.class);
          }
        }
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
      }
      throw new AssertionError("No CompromiseReported for " + reportId);
    }
  }

  private void assertBatchesOnlyFor(String graphPath, String token, List<String> users) {
    List<LoggedRequest> batches =
        GraphJournal.batchCalls(graph, graphPath).stream()
            .filter(call -> traffic.concernsThisRun(call.getBodyAsString()))
            .toList();
    assertThat(batches).isNotEmpty();
    assertThat(batches)
        .allSatisfy(
            call -> assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + token));
    List<String> urls =
        GraphJournal.innerRequests(graph, graphPath).stream()
            .map(GraphJournal.InnerRequest::url)
            .filter(traffic::concernsThisRun)
            .toList();
    assertThat(urls).allMatch(url -> users.stream().anyMatch(url::contains));
    assertThat(urls.stream().filter(url -> url.endsWith("/revokeSignInSessions")))
        .hasSize(users.size());
    assertThat(urls.stream().filter(url -> url.contains("/transitiveMemberOf")))
        .hasSizeGreaterThanOrEqualTo(users.size());
  }

  private static List<String> budgetBuckets(String tenantId) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement("select bucket from graph_budget where tenant_id = ?")) {
      statement.setString(1, tenantId);
      List<String> buckets = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          buckets.add(rows.getString(1));
        }
      }
      return buckets;
    }
  }
}
