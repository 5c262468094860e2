package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.graph;
import static io.cordon.graphsim.SimTestClient.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each throttle rule, with budgets scaled down (and windows stretched so that no request leaves a
 * window while the test runs): resource units, writes, Identity Protection, inner batch 429s.
 */
@QuarkusTest
class ThrottleTest {
  static final String USER = TenantGenerator.userId(SimTestClient.DOMAIN, 0);

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  private static void throttle(String settings) {
    sim()
        .contentType("application/json")
        .body(settings)
        .put("/_sim/throttle")
        .then()
        .statusCode(200);
  }

  @Test
  void resourceUnitsPerTenFiveSecondsByTenantSize() {
    // medium (400 users): 5,000 RU per 10 s; times 0.01 = 50
    throttle("{\"scale\":0.01,\"windowScale\":30}");
    sim()
        .get("/_sim/throttle")
        .then()
        .body("settings.tenantSize", equalTo("medium"))
        .body("usage.resourceUnits.limit", equalTo(50));
    String token = SimTestClient.token();
    List<Response> answers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      answers.add(
          sim().basePath("/v1.0").header("Authorization", "Bearer " + token).get("/users/" + USER));
    }
    List<Response> throttled = answers.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(50);
    assertThat(throttled).hasSize(10);
    Response first = throttled.get(0);
    assertThat(Integer.parseInt(first.header("Retry-After"))).isPositive();
    assertThat(first.header("x-ms-throttle-scope"))
        .isEqualTo(
            "Tenant_Application/ReadWrite/" + SimTestClient.CLIENT_ID + "/" + SimTestClient.TENANT);
    assertThat(first.header("x-ms-throttle-information")).isEqualTo("ResourceUnitLimitExceeded");
    assertThat(first.header("x-ms-throttle-limit-percentage")).isNotNull();
    assertThat(first.header("x-ms-resource-unit")).isEqualTo("1");
    assertThat(first.jsonPath().getString("error.code")).isEqualTo("TooManyRequests");
    assertThat(answers.get(45).header("x-ms-throttle-limit-percentage")).isNotNull();
  }

  @Test
  void selectAndListingsCostWhatTheTableSays() {
    throttle("{\"scale\":0.01,\"windowScale\":30}");
    graph()
        .get("/users/" + USER + "/memberOf")
        .then()
        .statusCode(200)
        .header("x-ms-resource-unit", "2");
    graph()
        .queryParam("$select", "id")
        .get("/users/" + USER + "/memberOf")
        .then()
        .header("x-ms-resource-unit", "1");
    sim().get("/_sim/throttle").then().body("usage.resourceUnits.used", equalTo(3));
  }

  @Test
  void writesPerHundredFiftySeconds() {
    // 3,000 writes per 150 s times 0.01 = 30; resource units (50) are not the limit here
    throttle("{\"scale\":0.01,\"windowScale\":30}");
    String token = SimTestClient.token();
    List<Response> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      answers.add(
          sim()
              .basePath("/v1.0")
              .header("Authorization", "Bearer " + token)
              .post("/users/" + USER + "/revokeSignInSessions"));
    }
    assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(30);
    Response throttled = answers.get(35);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.header("x-ms-throttle-information")).isEqualTo("WriteLimitExceeded");
    assertThat(throttled.header("x-ms-throttle-scope")).startsWith("Tenant_Application/Write/");
    assertThat(throttled.header("Retry-After")).isNotNull();
    Map<String, Object> state =
        sim().get("/_sim/users/" + USER).then().extract().jsonPath().getMap("");
    assertThat(state.get("sessionRevocationCount")).isEqualTo(30);
  }

  @Test
  void identityProtectionAllowsOnePerSecondWithoutRetryAfter() {
    throttle("{\"windowScale\":30}");
    String body = "{\"userIds\":[\"" + USER + "\"]}";
    graph()
        .contentType("application/json")
        .body(body)
        .post("/identityProtection/riskyUsers/confirmCompromised")
        .then()
        .statusCode(204);
    Response second =
        graph()
            .contentType("application/json")
            .body(body)
            .post("/identityProtection/riskyUsers/confirmCompromised");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.header("Retry-After")).isNull();
    assertThat(second.header("x-ms-throttle-information"))
        .isEqualTo("IdentityProtectionLimitExceeded");
  }

  @Test
  void innerBatchRequestsAreThrottledOneByOne() {
    throttle("{\"scale\":0.001,\"windowScale\":30}"); // 5 resource units
    StringBuilder requests = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      requests
          .append(i > 1 ? "," : "")
          .append("{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/users/" + USER + "\"}");
    }
    Response batch =
        graph()
            .contentType("application/json")
            .body("{\"requests\":[" + requests + "]}")
            .post("/$batch");
    assertThat(batch.statusCode()).isEqualTo(200);
    List<Map<String, Object>> responses = batch.jsonPath().getList("responses");
    assertThat(responses.stream().filter(r -> r.get("status").equals(200))).hasSize(5);
    Map<String, Object> throttled =
        responses.stream().filter(r -> r.get("status").equals(429)).findFirst().orElseThrow();
    Map<?, ?> headers = (Map<?, ?>) throttled.get("headers");
    assertThat(headers.get("Retry-After")).isNotNull();
    assertThat(headers.get("x-ms-throttle-scope"))
        .asString()
        .startsWith("Tenant_Application/ReadWrite/");
    assertThat(headers.get("x-ms-throttle-information")).isEqualTo("ResourceUnitLimitExceeded");
  }

  @Test
  void throttlingCanBeSwitchedOffAndSettingsAreValidated() {
    throttle("{\"scale\":0.001,\"windowScale\":30,\"enabled\":false}");
    String token = SimTestClient.token();
    for (int i = 0; i < 20; i++) {
      sim()
          .basePath("/v1.0")
          .header("Authorization", "Bearer " + token)
          .get("/users/" + USER)
          .then()
          .statusCode(200);
    }
    sim()
        .contentType("application/json")
        .body("{\"tenantSize\":\"huge\"}")
        .put("/_sim/throttle")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("tenantSize"));
    sim()
        .contentType("application/json")
        .body("{\"scale\":\"lots\"}")
        .put("/_sim/throttle")
        .then()
        .statusCode(400);
  }
}
