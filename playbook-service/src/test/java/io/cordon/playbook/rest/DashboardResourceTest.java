package io.cordon.playbook.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's page and settings are open; its data is not; dev sign-in is off by default. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class DashboardResourceTest {

  @Test
  void pageAndAssetsNeedNoToken() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("assets/app.js"));
    given().get("/index.html").then().statusCode(200);
    given()
        .get("/")
        .then()
        .header("Content-Security-Policy", containsString("script-src 'self'"))
        .header("Referrer-Policy", equalTo("no-referrer"))
        .header("X-Frame-Options", equalTo("DENY"));
    given().get("/assets/app.js").then().statusCode(200).contentType(containsString("javascript"));
    given().get("/assets/style.css").then().statusCode(200);
  }

  @Test
  void theApiStaysProtected() {
    given().get("/api/v1/runs").then().statusCode(401);
    given().get("/api/v1/approvals?state=pending").then().statusCode(401);
  }

  @Test
  void settingsWithoutConfigurationOfferNoSignInAndNoNotices() {
    given()
        .get("/dashboard/config")
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .body("notificationsUrl", nullValue())
        .body("oidc", nullValue())
        .body("devSignIn", nullValue());
  }

  @Test
  void devSignInIsOffByDefault() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "mallory@evil.example", "role", "admin"))
        .post("/dashboard/dev-sign-in")
        .then()
        .statusCode(404)
        .contentType(containsString("application/problem+json"));
  }

  @Test
  void accountsFilterTakesSeveralStatesAndNamesABadOne() {
    given()
        .auth()
        .oauth2(TestJwt.token("carol@jaxa.example", TestJwt.VIEWER))
        .get("/api/v1/runs/no-such-run/accounts?state=waiting,bogus")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("state"));
  }
}
