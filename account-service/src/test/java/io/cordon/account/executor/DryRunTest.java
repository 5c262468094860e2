package io.cordon.account.executor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /compromise-reports?dryRun=true}: what a report would resolve to, read from Graph,
 * with nothing stored, published or written.
 */
@io.quarkus.test.junit.QuarkusTest
@GraphExecutorResources
class DryRunTest {
  private static final String RESPONDER =
      TestJwt.token("responder@jaxa.example", TestJwt.RESPONDER);
  private static final String ADMIN = TestJwt.token("ada.admin@jaxa.example", TestJwt.ADMIN);
  private static final String VIEWER = TestJwt.token("viewer@jaxa.example", TestJwt.VIEWER);

  @InjectGraphWireMock WireMockServer graph;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
  }

  @Test
  void twoHundredAccountsAreReadWithinSecondsAndNothingIsWrittenOrStored() throws SQLException {
    GraphBatchStub stub = GraphBatchStub.graphBatch();
    String breakGlass = "33333333-0000-4000-8000-000000000007";
    String accounts =
        IntStream.range(0, 200)
            .mapToObj(
                i -> {
                  String upn = "dry" + i + "@jaxa.example";
                  stub.user(
                      String.format("33333333-0000-4000-8000-%012d", i),
                      upn,
                      "Member",
                      i == 3,
                      List.of("MMX Project"),
                      i == 5 ? List.of("Global Administrator") : List.of());
                  return "\"" + upn + "\"";
                })
            .collect(Collectors.joining(","));
    stub.install(graph);
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"kind\": \"user\", \"reason\": \"break-glass (dry run test)\"}")
        .put("/api/v1/protected-accounts/" + breakGlass)
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));

    long started = System.nanoTime();
    JsonPath plan =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .queryParam("dryRun", "true")
            .body(
                "{\"incident\":{\"id\":\"INC-DRY\"},\"accounts\":["
                    + accounts
                    + ",\"ghost@jaxa.example\",\"not an account\"]}")
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(200)
            .body("dryRun", equalTo(true))
            .body("accepted", equalTo(201))
            .body("rejected[0].input", containsString("not an account"))
            .body("graphAccess.permissions", hasItem("User.ReadWrite.All"))
            .extract()
            .jsonPath();
    assertThat(System.nanoTime() - started).isLessThan(20_000_000_000L);

    assertThat(plan.getList("accounts.resolution"))
        .containsOnly("RESOLVED", "USER_NOT_FOUND")
        .filteredOn("USER_NOT_FOUND"::equals)
        .hasSize(1);
    assertThat(
            plan.getString(
                "accounts.find { it.input == 'dry5@jaxa.example' }.account.privilegedRoles[0]"))
        .isEqualTo("Global Administrator");
    assertThat(
            plan.getBoolean(
                "accounts.find { it.input == 'dry3@jaxa.example' }.account.onPremisesSynced"))
        .isTrue();
    assertThat(plan.getString("accounts.find { it.input == 'dry7@jaxa.example' }.protectedReason"))
        .isNotNull();
    assertThat(plan.getString("accounts.find { it.input == 'dry8@jaxa.example' }.protectedReason"))
        .isNull();

    // reads only: every Graph request a GET (inside $batch too), no report stored
    assertThat(GraphJournal.innerRequests(graph))
        .isNotEmpty()
        .allMatch(r -> r.method().equals("GET"));
    assertThat(reportsOf("INC-DRY")).isZero();
  }

  @Test
  void aDryRunShowsTheIndicatorsTheReportWouldCarryAndRefusesTheSameInputs() throws SQLException {
    String kaito = "33333333-0000-4000-8000-0000000000c1";
    GraphBatchStub.graphBatch()
        .user(kaito, "kaito@jaxa.example", "Member", false, List.of(), List.of())
        .install(graph);

    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .queryParam("dryRun", "true")
        .body(
            "{\"incident\":{\"id\":\"INC-DRY-IOC\"},\"accounts\":[{\"upn\":\"kaito@jaxa.example\","
                + "\"indicators\":["
                + "{\"value\":\"203.0.113.7\"},{\"value\":\"bad\\tvalue\"}]},"
                + "{\"upn\":\"kaito@jaxa.example\",\"firstSeenAt\":\"2026-12-01T00:00:00Z\","
                + "\"indicators\":[{\"value\":\"evil.example\"}]}]}")
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1))
        .body("rejected[0].reason", containsString("indicators[1].value"))
        .body("accounts[0].account.firstSeenAt", equalTo("2026-12-01T00:00:00Z"))
        .body("accounts[0].account.indicators[0].type", equalTo("DOMAIN"))
        .body("accounts[0].account.indicators[0].value", equalTo("evil.example"));
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .queryParam("dryRun", "true")
        .body(
            "{\"incident\":{\"id\":\"INC-DRY-IOC\"},\"accounts\":[{\"upn\":\"kaito@jaxa.example\","
                + "\"indicators\":[{\"type\":\"HOSTNAME\",\"value\":\"x\"}]}]}")
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(400)
        .body(containsString("accounts[0].indicators[0].type"));
    assertThat(reportsOf("INC-DRY-IOC")).isZero();
  }

  @Test
  void aDryRunIsAResponderRequestAndItsFlagMustBeABoolean() {
    String body = "{\"incident\":{\"id\":\"INC-DRY-2\"},\"accounts\":[\"a@jaxa.example\"]}";
    given()
        .auth()
        .oauth2(VIEWER)
        .contentType(ContentType.JSON)
        .queryParam("dryRun", "true")
        .body(body)
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .queryParam("dryRun", "maybe")
        .body(body)
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("dryRun"))
        .body("errors[0].reason", notNullValue());
  }

  private static long reportsOf(String incidentId) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from compromise_report where incident_id = '"
                    + incidentId
                    + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
