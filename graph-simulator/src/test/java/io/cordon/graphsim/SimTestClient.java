package io.cordon.graphsim;

import static io.restassured.RestAssured.given;

import io.cordon.graphsim.rest.SimHttpServer;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.spi.CDI;

/** Reaches the running simulator over HTTPS (its own certificate, so validation is relaxed). */
final class SimTestClient {
  static final String TENANT = "6f1d7a4e-2b3c-4d5e-8f90-a1b2c3d4e5f6";
  static final String CLIENT_ID = "0c4f8e2a-7b1d-4e3f-9a6b-5c2d1e0f3a4b";
  static final String CLIENT_SECRET = "cordon-local-secret";
  static final String DOMAIN = "jaxa-demo.example";

  private SimTestClient() {}

  static int port() {
    return CDI.current().select(SimHttpServer.class).get().httpsPort();
  }

  static String origin() {
    return "https://localhost:" + port();
  }

  static RequestSpecification sim() {
    return given().relaxedHTTPSValidation().baseUri(origin());
  }

  static String token() {
    return sim()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", CLIENT_ID)
        .formParam("client_secret", CLIENT_SECRET)
        .formParam("scope", "https://graph.microsoft.com/.default")
        .post("/" + TENANT + "/oauth2/v2.0/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  static RequestSpecification graph() {
    return sim().basePath("/v1.0").header("Authorization", "Bearer " + token());
  }

  static void reset() {
    sim().post("/_sim/reset").then().statusCode(204);
  }
}
