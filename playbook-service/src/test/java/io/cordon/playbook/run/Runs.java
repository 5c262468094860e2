package io.cordon.playbook.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** Starts a run as {@link #RESPONDER}; returns its id. */
  static String start(String playbook, String incidentId, List<Map<String, Object>> accounts) {
    Map<String, Object> body = new HashMap<>();
    if (playbook != null) {
      body.put("playbook", playbook);
    }
    body.put("incidentId", incidentId);
    body.put("accounts", accounts);
    return as(RESPONDER, TestJwt.RESPONDER)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/runs")
        .then()
        .statusCode(202)
        .extract()
        .path("id");
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
