package io.cordon.account.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.account.service.detection.DetectionFixtures;
import io.cordon.account.service.detection.WebhookSignature;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The signature a detection needs follows from who sent it, not from the payload's shape, which the
 * sender chooses; and a signed delivery is its webhook-id, whatever Idempotency-Key comes with it,
 * so a captured request replayed within the signature's five minutes opens no second report.
 */
@QuarkusTest
@TestProfile(DetectionSignatureTest.SignedEntra.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class DetectionSourceBindingTest {
  /** A detector with no source mapping and no secrets under its own name. */
  static final String UNSIGNED_DETECTOR =
      TestJwt.token("graph-poller@jaxa.example", TestJwt.DETECTOR);

  private static final String SIGNING_DETECTOR = DetectionResourceTest.DETECTOR;
  private static final String RISK = DetectionFixtures.text("risk-detection.json");

  @Test
  void aSigningDetectorMustSignWhateverShapeItSends() {
    // Sentinel payloads have no secret of their own: before, this passed on the token alone
    given()
        .auth()
        .oauth2(SIGNING_DETECTOR)
        .contentType(ContentType.JSON)
        .body(DetectionFixtures.text("sentinel-incident.json"))
        .post("/api/v1/detections")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("source 'entra-id-protection'"));
  }

  @Test
  void aDetectorWithoutSecretsIsNotAskedForTheSecretOfThePayloadsShape() {
    given()
        .auth()
        .oauth2(UNSIGNED_DETECTOR)
        .contentType(ContentType.JSON)
        .body(RISK)
        .post("/api/v1/detections")
        .then()
        .statusCode(202);
  }

  @Test
  void aSignedDeliveryReplayedUnderAnotherIdempotencyKeyIsTheFirstReport() throws SQLException {
    String webhookId = "msg_" + UUID.randomUUID();
    long now = Instant.now().getEpochSecond();
    String signature =
        WebhookSignature.sign(
            DetectionSignatureTest.SECRET, webhookId, now, RISK.getBytes(StandardCharsets.UTF_8));
    String firstKey = UUID.randomUUID().toString();
    String replayKey = UUID.randomUUID().toString();

    Response first = signed(webhookId, now, signature, firstKey);
    Response replay = signed(webhookId, now, signature, replayKey);
    Response withoutKey = signed(webhookId, now, signature, null);

    first.then().statusCode(202).header("Idempotent-Replayed", nullValue());
    for (Response again : new Response[] {replay, withoutKey}) {
      again
          .then()
          .statusCode(202)
          .header("Idempotent-Replayed", equalTo("true"))
          .body("reportId", equalTo(first.path("reportId")));
    }
    assertThat(reportsWithKey(webhookId)).isEqualTo(1);
    assertThat(reportsWithKey(firstKey) + reportsWithKey(replayKey)).isZero();
  }

  private static Response signed(
      String webhookId, long timestamp, String signature, String idempotencyKey) {
    var request =
        given()
            .auth()
            .oauth2(SIGNING_DETECTOR)
            .contentType(ContentType.JSON)
            .header("webhook-id", webhookId)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.body(RISK).post("/api/v1/detections");
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
