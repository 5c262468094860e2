package io.cordon.account.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.account.service.detection.DetectionFixtures;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A detection system retries a webhook it thinks failed; a responder's client resends after a
 * timeout. The same delivery must give back the first report, never a second report whose run would
 * remediate the same accounts again.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class RepeatedDeliveryTest {
  private static final String RESPONDER =
      TestJwt.token("responder@jaxa.example", TestJwt.RESPONDER);
  private static final String OTHER_RESPONDER =
      TestJwt.token("second.responder@jaxa.example", TestJwt.RESPONDER);

  @Test
  void aRetriedWebhookWithTheSameIdGetsTheFirstReportBack() throws SQLException {
    String webhookId = "msg_" + UUID.randomUUID();
    String body = DetectionFixtures.text("graph-alert.json");

    Response first = detection(webhookId, body);
    Response retry = detection(webhookId, body);

    first.then().statusCode(202).header("Idempotent-Replayed", nullValue());
    retry
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", equalTo("true"))
        .header("Location", equalTo(first.header("Location")))
        .body("reportId", equalTo(first.path("reportId")))
        .body("accepted", equalTo(first.path("accepted")))
        .body("rejected.size()", equalTo(1))
        .body("rejected[0].reason", equalTo(first.path("rejected[0].reason")));
    assertThat(reportsWithKey(webhookId)).isEqualTo(1);
  }

  @Test
  void aWebhookIdReusedForAnotherBodyIsRefusedNamingIt() throws SQLException {
    String webhookId = "msg_" + UUID.randomUUID();
    detection(webhookId, DetectionFixtures.text("graph-alert.json")).then().statusCode(202);

    detection(webhookId, DetectionFixtures.text("risk-detection.json"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("webhook-id"));
    assertThat(reportsWithKey(webhookId)).isEqualTo(1);
  }

  @Test
  void aJsonReportResentWithItsIdempotencyKeyIsTheSameReport() throws SQLException {
    String key = UUID.randomUUID().toString();
    String body =
        "{\"incident\":{\"id\":\"INC-RESEND\"},\"accounts\":[\"a.resend@jaxa.example\","
            + "\"not an account\"]}";

    Response first = json(RESPONDER, key, body);
    first.then().statusCode(202).body("rejected.size()", equalTo(1));
    json(RESPONDER, key, body)
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", equalTo("true"))
        .body("reportId", equalTo(first.path("reportId")))
        .body("accepted", equalTo(1))
        .body("rejected[0].input", equalTo(first.path("rejected[0].input")))
        .body("rejected[0].reason", equalTo(first.path("rejected[0].reason")));

    assertThat(reportsWithKey(key)).isEqualTo(1);
  }

  @Test
  void theSameKeyFromAnotherPrincipalIsAnotherDelivery() throws SQLException {
    String key = UUID.randomUUID().toString();
    String body = "{\"incident\":{\"id\":\"INC-TWO\"},\"accounts\":[\"b.two@jaxa.example\"]}";

    String first = json(RESPONDER, key, body).then().statusCode(202).extract().path("reportId");
    String second =
        json(OTHER_RESPONDER, key, body).then().statusCode(202).extract().path("reportId");

    assertThat(second).isNotEqualTo(first);
    assertThat(reportsWithKey(key)).isEqualTo(2);
  }

  @Test
  void aCsvResentWithOtherParametersUnderTheSameKeyIsRefused() throws SQLException {
    String key = UUID.randomUUID().toString();
    csv(key, "VPN intrusion").then().statusCode(202);
    csv(key, "VPN intrusion").then().statusCode(202).header("Idempotent-Replayed", equalTo("true"));

    csv(key, "Another title")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Idempotency-Key"));
    assertThat(reportsWithKey(key)).isEqualTo(1);
  }

  @Test
  void anUnusableKeyIsABadRequestNamingTheHeader() {
    for (String bad : new String[] {"has space", "x".repeat(256), "caf\u00e9"}) {
      json(RESPONDER, bad, "{\"incident\":{\"id\":\"INC-BAD\"},\"accounts\":[]}")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("Idempotency-Key"));
    }
  }

  private static Response detection(String webhookId, String body) {
    return given()
        .auth()
        .oauth2(DetectionResourceTest.DETECTOR)
        .header("webhook-id", webhookId)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/detections");
  }

  private static Response json(String token, String key, String body) {
    return given()
        .auth()
        .oauth2(token)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/compromise-reports");
  }

  private static Response csv(String key, String title) {
    return given()
        .auth()
        .oauth2(RESPONDER)
        .header("Idempotency-Key", key)
        .contentType("text/csv")
        .queryParam("incidentId", "INC-CSV-RESEND")
        .queryParam("title", title)
        .body("account\nc.csv@jaxa.example\n")
        .post("/api/v1/compromise-reports");
  }

  private static long reportsWithKey(String key) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select count(*) from compromise_report where delivery_key = ?")) {
      query.setString(1, key);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
