package io.cordon.account.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
import org.junit.jupiter.api.Test;

/**
 * A detector starts only the playbooks its operator allowed it ({@code
 * cordon.detections.playbooks.<principal>}); without a list, only the default one.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class DetectorPlaybooksTest {
  /** Allowed contain-compromised-account and revoke-only in {@code %test} configuration. */
  static final String SOAR = TestJwt.token("soar-connector@jaxa.example", TestJwt.DETECTOR);

  private static final String VIEWER = TestJwt.token("viewer@jaxa.example", TestJwt.VIEWER);

  @Test
  void aDetectorWithoutAListRunsTheDefaultPlaybookAndMayNameNoOther() {
    detection(DetectionResourceTest.DETECTOR, "revoke-only")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:forbidden"))
        .body("errors[0].field", equalTo("playbook"))
        .body("errors[0].reason", containsString("only run the default playbook"));

    requestedPlaybook(detection(DetectionResourceTest.DETECTOR, null))
        .body("playbook", nullValue());
  }

  @Test
  void aListedDetectorNamesAnyOfItsPlaybooksAndGetsTheFirstWhenItNamesNone() {
    requestedPlaybook(detection(SOAR, null))
        .body("playbook", equalTo("contain-compromised-account"));
    requestedPlaybook(detection(SOAR, "revoke-only")).body("playbook", equalTo("revoke-only"));

    detection(SOAR, "disable-everyone")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("playbook"))
        .body("errors[0].reason", containsString("contain-compromised-account, revoke-only"));
  }

  private static Response detection(String token, String playbook) {
    var request =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(DetectionFixtures.text("risk-detection.json"));
    if (playbook != null) {
      request.queryParam("playbook", playbook);
    }
    return request.post("/api/v1/detections");
  }

  private static io.restassured.response.ValidatableResponse requestedPlaybook(Response accepted) {
    String location = accepted.then().statusCode(202).extract().header("Location");
    return given().auth().oauth2(VIEWER).get(location).then().statusCode(200);
  }
}
