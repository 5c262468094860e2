package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.graph;
import static io.cordon.graphsim.SimTestClient.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults switched at run time through /_sim/faults, for whole requests and batch items. */
@QuarkusTest
class FaultsTest {
  static final String USER = TenantGenerator.userId(SimTestClient.DOMAIN, 0);

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  private static void faults(String settings) {
    sim().contentType("application/json").body(settings).put("/_sim/faults").then().statusCode(200);
  }

  @Test
  void unavailableAndInternalErrorsAndInjected429sSwitchAtRunTime() {
    graph().get("/users/" + USER).then().statusCode(200);
    faults("{\"unavailableProbability\":1.0,\"throttleRetryAfterSeconds\":7}");
    graph().get("/users/" + USER).then().statusCode(503).header("Retry-After", "7");
    faults("{\"unavailableProbability\":0,\"internalErrorProbability\":1}");
    graph()
        .get("/users/" + USER)
        .then()
        .statusCode(500)
        .body("error.code", equalTo("generalException"));
    faults("{\"internalErrorProbability\":0,\"throttleProbability\":1}");
    graph().get("/users/" + USER).then().statusCode(429).header("Retry-After", "7");
    faults("{\"throttleProbability\":0}");
    graph().get("/users/" + USER).then().statusCode(200);
    sim()
        .queryParam("user", USER)
        .queryParam("status", 503)
        .get("/_sim/journal")
        .then()
        .body("count", equalTo(1))
        .body("entries[0].cause", equalTo("fault:UNAVAILABLE"));
  }

  @Test
  void droppedConnectionsGetNoAnswer() {
    String token = SimTestClient.token();
    faults("{\"dropProbability\":1}");
    assertThatThrownBy(
            () ->
                sim()
                    .basePath("/v1.0")
                    .header("Authorization", "Bearer " + token)
                    .get("/users/" + USER))
        .isInstanceOf(Exception.class);
    sim()
        .queryParam("status", 0)
        .get("/_sim/journal")
        .then()
        .body("entries[0].cause", equalTo("fault:DROP"));
  }

  @Test
  void heldRequestsOutlastTheClientTimeout() {
    String token = SimTestClient.token();
    faults("{\"timeoutProbability\":1,\"timeoutHoldMs\":5000}");
    RestAssuredConfig shortTimeout =
        RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 300))
            .sslConfig(io.restassured.config.SSLConfig.sslConfig().relaxedHTTPSValidation());
    assertThatThrownBy(
            () ->
                io.restassured.RestAssured.given()
                    .config(shortTimeout)
                    .baseUri(SimTestClient.origin())
                    .basePath("/v1.0")
                    .header("Authorization", "Bearer " + token)
                    .get("/users/" + USER))
        .satisfies(
            e -> assertThat(causes(e)).anyMatch(java.net.SocketTimeoutException.class::isInstance));
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  @Test
  void latencyDelaysEveryAnswer() {
    faults("{\"latencyMs\":400}");
    String token = SimTestClient.token();
    long started = System.nanoTime();
    sim()
        .basePath("/v1.0")
        .header("Authorization", "Bearer " + token)
        .get("/users/" + USER)
        .then()
        .statusCode(200);
    // a lower bound only: the answer cannot come before the injected latency
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
  }

  @Test
  void batchItemsDrawTheirOwnFaults() {
    faults("{\"unavailableProbability\":1}");
    List<Map<String, Object>> responses =
        graph()
            .contentType("application/json")
            .body(
                "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/"
                    + USER
                    + "\"}]}")
            .post("/$batch")
            .then()
            .statusCode(200)
            .extract()
            .path("responses");
    assertThat(responses.get(0).get("status")).isEqualTo(503);
    faults("{\"applyToBatchItems\":false}");
    graph()
        .contentType("application/json")
        .body("{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/" + USER + "\"}]}")
        .post("/$batch")
        .then()
        .statusCode(503);
  }

  @Test
  void settingsAreValidatedAndResetRestoresThem() {
    sim()
        .contentType("application/json")
        .body("{\"dropProbability\":2}")
        .put("/_sim/faults")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("dropProbability"));
    sim().contentType("application/json").body("[1,2]").put("/_sim/faults").then().statusCode(400);
    faults("{\"unavailableProbability\":1}");
    SimTestClient.reset();
    sim().get("/_sim/faults").then().body("unavailableProbability", equalTo(0.0f));
    graph().get("/users/" + USER).then().statusCode(200);
  }
}
