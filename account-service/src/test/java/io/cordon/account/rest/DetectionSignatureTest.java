package io.cordon.account.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cordon.account.service.detection.DetectionFixtures;
import io.cordon.account.service.detection.WebhookSignature;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Standard Webhooks signatures, with a secret configured for the source {@code entra-id-protection}
 * only, which is the source of the detector {@code sentinel-connector@jaxa.example}.
 */
@QuarkusTest
@TestProfile(DetectionSignatureTest.SignedEntra.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class DetectionSignatureTest {
  static final String SECRET = "whsec_Y29yZG9uLXRlc3Qtd2ViaG9vay1zZWNyZXQtMzJieXRlcyE=";

  public static class SignedEntra implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "cordon.detections.webhook-secrets.entra-id-protection",
          SECRET,
          "cordon.detections.sources.sentinel-connector@jaxa.example",
          "entra-id-protection");
    }
  }

  private static final String BODY = DetectionFixtures.text("risk-detection.json");

  @Test
  void signedDetectionIsAccepted() {
    long now = Instant.now().getEpochSecond();
    String signature =
        WebhookSignature.sign(SECRET, "msg_2hQk7Rf", now, BODY.getBytes(StandardCharsets.UTF_8));

    given()
        .auth()
        .oauth2(DetectionResourceTest.DETECTOR)
        .contentType(ContentType.JSON)
        .header("webhook-id", "msg_2hQk7Rf")
        .header("webhook-timestamp", Long.toString(now))
        .header("webhook-signature", signature)
        .body(BODY)
        .post("/api/v1/detections")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(1));
  }

  @Test
  void unsignedDetectionOfASourceWithASecretIsRefused() {
    given()
        .auth()
        .oauth2(DetectionResourceTest.DETECTOR)
        .contentType(ContentType.JSON)
        .body(BODY)
        .post("/api/v1/detections")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("signature check failed for source 'entra-id-protection'"));
  }

  @Test
  void signatureOverAnotherBodyIsRefused() {
    long now = Instant.now().getEpochSecond();
    String signature =
        WebhookSignature.sign(SECRET, "msg_1", now, "{}".getBytes(StandardCharsets.UTF_8));

    given()
        .auth()
        .oauth2(DetectionResourceTest.DETECTOR)
        .contentType(ContentType.JSON)
        .header("webhook-id", "msg_1")
        .header("webhook-timestamp", Long.toString(now))
        .header("webhook-signature", signature)
        .body(BODY)
        .post("/api/v1/detections")
        .then()
        .statusCode(401)
        .body("detail", containsString("no v1 signature"));
  }

  @Test
  void sourceWithoutSecretNeedsNoSignature() {
    given()
        .auth()
        .oauth2(DetectionSourceBindingTest.UNSIGNED_DETECTOR)
        .contentType(ContentType.JSON)
        .body(DetectionFixtures.text("sentinel-incident.json"))
        .post("/api/v1/detections")
        .then()
        .statusCode(202);
  }
}
