package io.cordon.playbook.run;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.cordon.contracts.ReportSource;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** REST calls and database reads the run tests share. */
final class Runs {
  static final String RESPONDER = "alice@jaxa.example";
  static final String APPROVER = "bob@jaxa.example";

  private Runs() {}

  static RequestSpecification as(String principal, String... roles) {
    return given().auth().oauth2(TestJwt.token(principal, roles));
  }

  static RequestSpecification asViewer() {
    return as("carol@jaxa.example", TestJwt.VIEWER);
  }

  static RequestSpecification asAdmin() {
    return as("admin@jaxa.example", TestJwt.ADMIN);
  }

  /**
   * Starts a run the only way one gets its accounts' facts: account-service publishes the resolved
   * accounts of a report, here one {@link #RESPONDER} submitted. Returns the run's id once it
   * exists.
   */
  static String start(String playbook, String incidentId, List<ResolvedAccount> accounts) {
    String reportId = "report-" + UUID.randomUUID();
    publishReport(reportId, playbook, incidentId, accounts);
    return runOf(reportId);
  }

  /** The id of the report's run, once the run exists. */
  static String runOf(String reportId) {
    String runId = EventIds.derived("run", reportId);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> asViewer().get("/api/v1/runs/" + runId).statusCode() == 200);
    return runId;
  }

  /** The CompromiseReported events of a report {@link #RESPONDER} submitted. */
  static void publishReport(
      String reportId, String playbook, String incidentId, List<ResolvedAccount> accounts) {
    publish(
        CompromiseReported.chunked(
                reportId,
                new IncidentRef(incidentId, null, null),
                accounts,
                playbook,
                ReportSource.MANUAL,
                RESPONDER,
                TestJwt.identityOf(RESPONDER),
                Instant.now())
            .toArray(CompromiseReported[]::new));
  }

  /** One chunk of a report, as account-service would publish it. */
  static CompromiseReported chunk(
      String reportId,
      int chunk,
      int chunks,
      String playbook,
      String incidentId,
      List<ResolvedAccount> accounts,
      String reportedBy,
      String reportedById) {
    return new CompromiseReported(
        CompromiseReported.SCHEMA_VERSION,
        CompromiseReported.eventIdFor(reportId, chunk),
        reportId,
        chunk,
        chunks,
        new IncidentRef(incidentId, null, null),
        accounts,
        playbook,
        ReportSource.MANUAL,
        reportedBy,
        reportedById,
        Instant.now());
  }

  static void publish(CompromiseReported... events) {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      for (CompromiseReported event : events) {
        kafka.send(Topics.COMPROMISE_REPORTS, event.reportId(), EventJson.write(event));
      }
    }
  }

  /** The pending approval's {@code accountCount}, which a decision must name. */
  static long accountCount(String runId, String approvalId) {
    Object count =
        asViewer()
            .queryParam("run", runId)
            .get("/api/v1/approvals")
            .then()
            .statusCode(200)
            .extract()
            .path("items.find { it.id == '" + approvalId + "' }.accountCount");
    return ((Number) count).longValue();
  }

  /** A decision on the approval as it is now (the count of its accounts read first). */
  static ValidatableResponse decide(
      RequestSpecification as, String runId, String approvalId, String decision, String comment) {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("accountCount", accountCount(runId, approvalId));
    if (comment != null) {
      body.put("comment", comment);
    }
    return as.contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/runs/" + runId + "/approvals/" + approvalId)
        .then();
  }

  static JsonPath run(String runId) {
    return asViewer().get("/api/v1/runs/" + runId).then().statusCode(200).extract().jsonPath();
  }

  static String state(String runId) {
    return run(runId).getString("state");
  }

  /** Count of executions of a step in a state (0 when none). */
  static int count(String runId, String stepId, String state) {
    Object count = run(runId).get("steps.find { it.id == '" + stepId + "' }.counts." + state);
    return count == null ? 0 : ((Number) count).intValue();
  }

  /** Every account of the run, read page by page. */
  static List<Map<String, Object>> accounts(String runId, int pageSize) {
    List<Map<String, Object>> all = new ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification request = asViewer().queryParam("limit", pageSize);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request
              .get("/api/v1/runs/" + runId + "/accounts")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      all.addAll(page.getList("items"));
      cursor = page.getString("next");
    } while (cursor != null);
    return all;
  }

  /** The state of one step in an account as /accounts lists it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> step(Map<String, Object> account, String stepId) {
    return ((List<Map<String, Object>>) account.get("steps"))
        .stream()
            .filter(step -> stepId.equals(step.get("stepId")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no step " + stepId + " in " + account));
  }

  static void putPlaybook(String yaml) {
    asAdmin()
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .put("/api/v1/playbooks/" + yaml.lines().findFirst().orElseThrow().substring(6).strip())
        .then()
        .statusCode(anyOf(is(200), is(201)));
  }

  static long queryLong(String sql, Object... params) {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static int update(String sql, Object... params) {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
