package io.cordon.account.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reports and detections leave audit entries; the log cannot be edited unnoticed. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class AccountAuditTest {
  @Inject AgroalDataSource serviceDataSource;

  @Test
  void submittedReportIsAuditedWithCallerAndCorrelationId() {
    String incident = "INC-AUDIT-" + UUID.randomUUID();
    submit(incident, "corr-report-1");

    given()
        .auth()
        .oauth2(viewer())
        .queryParam("incident", incident)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("items.action", hasItem("report.submitted"))
        .body("items[0].kind", equalTo("report"))
        .body("items[0].actor.name", equalTo("rita@jaxa.example"))
        .body("items[0].actor.roles", equalTo("responder"))
        .body("items[0].correlationId", equalTo("corr-report-1"))
        .body("items[0].after.accepted", equalTo(1))
        .body("items[0].result", equalTo("ACCEPTED"));
  }

  @Test
  void serviceDatasourceCannotChangeTheLog() throws SQLException {
    submit("INC-AUDIT-" + UUID.randomUUID(), null);
    try (Connection connection = serviceDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set actor = 'mallory'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> statement.executeUpdate("delete from audit_entry"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    given()
        .auth()
        .oauth2(viewer())
        .get("/api/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(true));
  }

  @Test
  void verifyNamesTheEntryEditedBehindTheGuard() throws SQLException {
    String incident = "INC-AUDIT-" + UUID.randomUUID();
    submit(incident, null);
    JsonPath entry = audit(incident);
    int seq = entry.getInt("items[0].seq");
    String actor = entry.getString("items[0].actor.name");

    asSuperuserWithoutTriggers("update audit_entry set actor = 'someone-else' where seq = " + seq);
    try {
      given()
          .auth()
          .oauth2(TestJwt.token("ada", TestJwt.ADMIN))
          .get("/api/v1/audit/verify")
          .then()
          .statusCode(200)
          .body("ok", equalTo(false))
          .body("broken.seq", equalTo(seq))
          .body("broken.id", equalTo(entry.getString("items[0].id")))
          .body("broken.reason", containsString("changed after it was written"));
    } finally {
      asSuperuserWithoutTriggers(
          "update audit_entry set actor = '" + actor + "' where seq = " + seq);
    }
  }

  @Test
  void badFilterIsAProblemNamingTheParameter() {
    given()
        .auth()
        .oauth2(viewer())
        .queryParam("to", "tomorrow")
        .get("/api/v1/audit")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("to"));
  }

  private static void submit(String incident, String correlationId) {
    var request =
        given()
            .auth()
            .oauth2(TestJwt.token("rita@jaxa.example", TestJwt.RESPONDER))
            .contentType(ContentType.JSON)
            .body(
                "{\"incident\":{\"id\":\""
                    + incident
                    + "\",\"title\":\"audit\",\"severity\":\"HIGH\"},"
                    + "\"accounts\":[\"taro@jaxa.example\"]}");
    if (correlationId != null) {
      request.header("X-Correlation-Id", correlationId);
    }
    request.post("/api/v1/compromise-reports").then().statusCode(202);
  }

  private static JsonPath audit(String incident) {
    return given()
        .auth()
        .oauth2(viewer())
        .queryParam("incident", incident)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String viewer() {
    return TestJwt.token("vera@jaxa.example", TestJwt.VIEWER);
  }

  private static void asSuperuserWithoutTriggers(String sql) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("set session_replication_role = replica");
      statement.execute(sql);
    }
  }
}
