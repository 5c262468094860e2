package io.cordon.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The dashboard, served by playbook-service on another origin, reads notices from the browser with
 * a bearer token: the configured origin (quarkus.http.cors.origins) may, any other may not.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class DashboardCorsTest {
  private static final String DASHBOARD = "http://localhost:8082";

  @Test
  void theDashboardsOriginMaySendABearerToken() {
    given()
        .header("Origin", DASHBOARD)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .options("/api/v1/notifications")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo(DASHBOARD))
        .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
    given()
        .header("Origin", DASHBOARD)
        .auth()
        .oauth2(TestJwt.token("carol@jaxa.example", TestJwt.VIEWER))
        .get("/api/v1/notifications?incident=INC-cors")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo(DASHBOARD));
  }

  @Test
  void anotherOriginIsNotAllowed() {
    given()
        .header("Origin", "https://elsewhere.example")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .options("/api/v1/notifications")
        .then()
        .header("Access-Control-Allow-Origin", not(equalTo("https://elsewhere.example")));
  }
}
