package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.graph;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** $batch as Graph answers it: limits, body-less writes, dependsOn, per-request answers. */
@QuarkusTest
class BatchTest {
  static final String USER = TenantGenerator.userId(SimTestClient.DOMAIN, 0);

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  private static io.restassured.response.ValidatableResponse batch(String requests) {
    return graph()
        .contentType("application/json")
        .body("{\"requests\":[" + requests + "]}")
        .post("/$batch")
        .then();
  }

  private static String get(String id, String url) {
    return "{\"id\":\"" + id + "\",\"method\":\"GET\",\"url\":\"" + url + "\"}";
  }

  @Test
  void moreThanTwentyRequestsAreRefused() {
    batch(gets(21))
        .statusCode(400)
        .body("error.message", containsString("Number of requests inside batch exceeds the limit"));
    batch(gets(20)).statusCode(200).body("responses", hasSize(20));
  }

  private static String gets(int count) {
    StringBuilder requests = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      requests.append(i > 1 ? "," : "").append(get(String.valueOf(i), "/users/" + USER));
    }
    return requests.toString();
  }

  @Test
  void aBodylessWriteRefusesTheBatch() {
    batch("{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/users/" + USER + "/revokeSignInSessions\"}")
        .statusCode(400)
        .body("error.message", containsString("does not contain Content-Type header or body"));
  }

  @Test
  void eachRequestGetsItsOwnStatusAndHeaders() {
    batch(
            get("ok", "/users/" + USER)
                + ","
                + get("missing", "/users/nobody@" + SimTestClient.DOMAIN)
                + ",{\"id\":\"w\",\"method\":\"POST\",\"url\":\"/users/"
                + USER
                + "/revokeSignInSessions\",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{}}")
        .statusCode(200)
        .body("responses.find { it.id == 'ok' }.status", equalTo(200))
        .body("responses.find { it.id == 'ok' }.headers.request-id", notNullValue())
        .body("responses.find { it.id == 'ok' }.headers.x-ms-resource-unit", equalTo("1"))
        .body("responses.find { it.id == 'missing' }.status", equalTo(404))
        .body(
            "responses.find { it.id == 'missing' }.body.error.code",
            equalTo("Request_ResourceNotFound"))
        .body("responses.find { it.id == 'w' }.status", equalTo(200));
  }

  @Test
  void dependsOnOrdersRequestsAndFailedDependenciesAnswer424() {
    // "read" is listed first but depends on "disable": it must see the account disabled
    batch(
            "{\"id\":\"read\",\"method\":\"GET\",\"dependsOn\":[\"disable\"],\"url\":\"/users/"
                + USER
                + "?$select=accountEnabled\"},"
                + "{\"id\":\"disable\",\"method\":\"PATCH\",\"url\":\"/users/"
                + USER
                + "\",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"accountEnabled\":false}},"
                + get("missing", "/users/nobody@" + SimTestClient.DOMAIN)
                + ","
                + "{\"id\":\"after\",\"method\":\"GET\",\"dependsOn\":[\"missing\"],\"url\":\"/users/"
                + USER
                + "\"}")
        .statusCode(200)
        .body("responses.find { it.id == 'disable' }.status", equalTo(204))
        .body("responses.find { it.id == 'read' }.body.accountEnabled", equalTo(false))
        .body("responses.find { it.id == 'after' }.status", equalTo(424));
    batch(
            "{\"id\":\"a\",\"method\":\"GET\",\"dependsOn\":[\"zz\"],\"url\":\"/users/"
                + USER
                + "\"}")
        .statusCode(400);
    batch(get("a", "/users/" + USER) + "," + get("a", "/users/" + USER)).statusCode(400);
  }
}
