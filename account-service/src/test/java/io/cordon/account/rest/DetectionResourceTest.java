package io.cordon.account.rest;

import static io.cordon.account.service.detection.DetectionFixtures.DAICHI;
import static io.cordon.account.service.detection.DetectionFixtures.DEFENDER_ALERT_A;
import static io.cordon.account.service.detection.DetectionFixtures.HANAKO;
import static io.cordon.account.service.detection.DetectionFixtures.HANAKO_UPN;
import static io.cordon.account.service.detection.DetectionFixtures.ITO;
import static io.cordon.account.service.detection.DetectionFixtures.KENJI;
import static io.cordon.account.service.detection.DetectionFixtures.KENJI_UPN;
import static io.cordon.account.service.detection.DetectionFixtures.MIKA;
import static io.cordon.account.service.detection.DetectionFixtures.SENTINEL_INCIDENT;
import static io.cordon.account.service.detection.DetectionFixtures.TARO;
import static io.cordon.account.service.detection.DetectionFixtures.YUKI;
import static io.cordon.account.service.detection.DetectionFixtures.YUKI_UPN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.cordon.account.service.detection.DetectionFixtures;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class DetectionResourceTest {
  static final String DETECTOR = TestJwt.token("sentinel-connector@jaxa.example", TestJwt.DETECTOR);
  private static final String RESPONDER =
      TestJwt.token("responder@jaxa.example", TestJwt.RESPONDER);
  private static final String VIEWER = TestJwt.token("viewer@jaxa.example", TestJwt.VIEWER);

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of("graph-alert.json", "31245", "HIGH", List.of(TARO, HANAKO_UPN), 1, 0),
        Arguments.of("graph-alerts-list.json", "31250", "HIGH", List.of(KENJI, YUKI), 0, 1),
        Arguments.of("graph-incident.json", "31262", "HIGH", List.of(MIKA, DAICHI, ITO), 0, 1),
        Arguments.of(
            "graph-incidents-list.json", "31262", "HIGH", List.of(MIKA, DAICHI, ITO, TARO), 0, 1),
        Arguments.of(
            "sentinel-incident.json",
            SENTINEL_INCIDENT,
            "HIGH",
            List.of(HANAKO, YUKI_UPN, KENJI_UPN),
            1,
            0),
        Arguments.of(
            "sentinel-incidents-list.json",
            SENTINEL_INCIDENT,
            "HIGH",
            List.of(HANAKO, YUKI_UPN, KENJI_UPN, TARO),
            1,
            0),
        Arguments.of(
            "defender-streaming.json",
            DEFENDER_ALERT_A,
            "HIGH",
            List.of(TARO, YUKI_UPN, ITO),
            1,
            0),
        Arguments.of(
            "risk-detection.json",
            "c4f7b2e91a3d5f8e0b6c9a2d4f7e1b3c5a8d0f2e4b6c9a1d3f5e7b0c2a4d6f81",
            "MEDIUM",
            List.of(MIKA),
            0,
            0),
        Arguments.of(
            "risk-detections-list.json",
            "7e2a9c4f1b6d3e8a0c5f2b7d9e1a4c6f8b3d5e0a2c7f9b1d4e6a8c0f3b5d7e92",
            "HIGH",
            List.of(DAICHI, TARO),
            1,
            0));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyShapeBecomesACompromiseReport(
      String fixture,
      String incidentId,
      String severity,
      List<String> identifiers,
      int rejected,
      int duplicates) {
    Response response =
        given()
            .auth()
            .oauth2(DETECTOR)
            .contentType(ContentType.JSON)
            .body(DetectionFixtures.text(fixture))
            .post("/api/v1/detections");

    response
        .then()
        .statusCode(202)
        .header("Location", containsString("/api/v1/compromise-reports/"))
        .body("accepted", equalTo(identifiers.size()))
        .body("rejected", hasSize(rejected))
        .body("duplicates", equalTo(duplicates));
    String location = response.header("Location");

    given()
        .auth()
        .oauth2(VIEWER)
        .get(location)
        .then()
        .statusCode(200)
        .body("source", equalTo("DETECTION"))
        .body("reportedBy", equalTo("sentinel-connector@jaxa.example"))
        .body("incident.id", equalTo(incidentId))
        .body("incident.severity", equalTo(severity))
        .body("counts.accepted", equalTo(identifiers.size()))
        .body("accounts.items.input", equalTo(identifiers));
  }

  @Test
  void requestedPlaybookIsKept() {
    String location =
        given()
            .auth()
            .oauth2(DetectorPlaybooksTest.SOAR)
            .contentType(ContentType.JSON)
            .queryParam("playbook", "revoke-only")
            .body(DetectionFixtures.text("risk-detection.json"))
            .post("/api/v1/detections")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");

    given()
        .auth()
        .oauth2(VIEWER)
        .get(location)
        .then()
        .statusCode(200)
        .body("playbook", equalTo("revoke-only"))
        .body("incident.title", equalTo("Entra ID Protection: unfamiliarFeatures"));
  }

  @Test
  void responderMayNotPostDetections() {
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .body(DetectionFixtures.text("graph-alert.json"))
        .post("/api/v1/detections")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:forbidden"));
  }

  @Test
  void detectorMayNotPostCompromiseReports() {
    given()
        .auth()
        .oauth2(DETECTOR)
        .contentType(ContentType.JSON)
        .body("{\"incident\": {\"id\": \"I\"}, \"accounts\": [\"a@jaxa.example\"]}")
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(403);
  }

  @Test
  void unknownShapeIs422NamingTheAcceptedShapes() {
    given()
        .auth()
        .oauth2(DETECTOR)
        .contentType(ContentType.JSON)
        .body("{\"incident\": {\"id\": \"INC-1\"}, \"accounts\": [\"a@jaxa.example\"]}")
        .post("/api/v1/detections")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:unprocessable"))
        .body(
            "detail",
            allOf(
                containsString("Accepted shapes"),
                containsString("Microsoft Graph security alert (alerts_v2"),
                containsString("Microsoft Graph security incident"),
                containsString("Microsoft Sentinel incident webhook payload"),
                containsString("Microsoft Defender XDR streaming API batch"),
                containsString("Microsoft Entra ID Protection riskDetection")));
  }

  @Test
  void recognisedShapeWithoutAccountsIs422() {
    given()
        .auth()
        .oauth2(DETECTOR)
        .contentType(ContentType.JSON)
        .body(
            "{\"@odata.type\": \"#microsoft.graph.security.incident\", \"id\": \"31300\","
                + " \"displayName\": \"No users\", \"alerts\": []}")
        .post("/api/v1/detections")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:cordon:problem:unprocessable"))
        .body(
            "detail",
            containsString(
                "Microsoft Graph security incident payload, but no user accounts were found"));
  }

  @Test
  void invalidPlaybookNameIs400() {
    given()
        .auth()
        .oauth2(DETECTOR)
        .contentType(ContentType.JSON)
        .queryParam("playbook", "Revoke Everything")
        .body(DetectionFixtures.text("risk-detection.json"))
        .post("/api/v1/detections")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:cordon:problem:validation-failed"))
        .body("errors[0].field", equalTo("playbook"));
  }

  @Test
  void nonJsonBodyIs415() {
    given()
        .auth()
        .oauth2(DETECTOR)
        .contentType("text/csv")
        .body("account\na@jaxa.example\n")
        .post("/api/v1/detections")
        .then()
        .statusCode(415)
        .body("type", equalTo("urn:cordon:problem:unsupported-media-type"));
  }

  @Test
  void malformedJsonIs400() {
    given()
        .auth()
        .oauth2(DETECTOR)
        .contentType(ContentType.JSON)
        .body("{\"value\": [")
        .post("/api/v1/detections")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:malformed-body"));
  }

  @Test
  void emptyBodyIs400() {
    given()
        .auth()
        .oauth2(DETECTOR)
        .contentType(ContentType.JSON)
        .post("/api/v1/detections")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:cordon:problem:malformed-body"));
  }
}
