package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.graph;
import static io.cordon.graphsim.SimTestClient.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The way back in, as Graph documents it: Create temporaryAccessPassMethod (201, the pass shown in
 * that answer only, one pass per user, a new one replacing the old, lifetimes 10–43200 minutes and
 * within the tenant policy) and riskyUser: dismiss (204, risk level none).
 */
@QuarkusTest
class RecoveryEndpointsTest {
  static final String MEMBER = TenantGenerator.userId(SimTestClient.DOMAIN, 0);
  static final String GUEST = TenantGenerator.userId(SimTestClient.DOMAIN, 6);

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  @Test
  void aPassIsShownOnceAndANewOneReplacesIt() {
    String path = "/users/" + MEMBER + "/authentication/temporaryAccessPassMethods";
    Response first = post(path, "{\"lifetimeInMinutes\":60,\"isUsableOnce\":true}");
    first
        .then()
        .statusCode(201)
        .body("'@odata.type'", equalTo("#microsoft.graph.temporaryAccessPassAuthenticationMethod"))
        .body("temporaryAccessPass", notNullValue())
        .body("lifetimeInMinutes", equalTo(60))
        .body("isUsableOnce", equalTo(true))
        .body("isUsable", equalTo(true))
        .body("methodUsabilityReason", equalTo("EnabledByPolicy"));
    String firstId = first.jsonPath().getString("id");
    String firstPass = first.jsonPath().getString("temporaryAccessPass");

    graph()
        .get(path)
        .then()
        .statusCode(200)
        .body("value", hasSize(1))
        .body("value[0].id", equalTo(firstId))
        .body("value[0].temporaryAccessPass", nullValue());

    Response second = post(path, "{\"isUsableOnce\":true}");
    second.then().statusCode(201).body("lifetimeInMinutes", equalTo(60));
    assertThat(second.jsonPath().getString("temporaryAccessPass")).isNotEqualTo(firstPass);
    graph()
        .get(path)
        .then()
        .statusCode(200)
        .body("value", hasSize(1))
        .body("value[0].id", equalTo(second.jsonPath().getString("id")));
    // the simulator keeps no copy of a pass: its inspection API cannot show one
    assertThat(sim().get("/_sim/users/" + MEMBER).then().statusCode(200).extract().asString())
        .doesNotContain(firstPass)
        .doesNotContain(second.jsonPath().getString("temporaryAccessPass"));
  }

  @Test
  void refusesLifetimesOutsideGraphsBoundsOrThePolicyAndGuests() {
    String path = "/users/" + MEMBER + "/authentication/temporaryAccessPassMethods";
    post(path, "{\"lifetimeInMinutes\":5}")
        .then()
        .statusCode(400)
        .body("error.message", containsString("10 and 43200"));
    post(path, "{\"lifetimeInMinutes\":600}")
        .then()
        .statusCode(400)
        .body("error.message", containsString("policy"));
    post("/users/" + GUEST + "/authentication/temporaryAccessPassMethods", "{}")
        .then()
        .statusCode(400);
    graph().get(path).then().statusCode(200).body("value", hasSize(0));
    post("/users/nobody@x.example/authentication/temporaryAccessPassMethods", "{}")
        .then()
        .statusCode(404);
  }

  @Test
  void creatingAPassNeedsUserAuthenticationMethodReadWriteAll() {
    sim().get("/_sim/journal").then().statusCode(200);
    String path = "/users/" + MEMBER + "/authentication/temporaryAccessPassMethods";
    post(path, "{}").then().statusCode(201);
    sim()
        .queryParam("user", MEMBER)
        .queryParam("action", "createTemporaryAccessPass")
        .queryParam("effective", true)
        .get("/_sim/journal")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
  }

  @Test
  void dismissSetsTheRiskLevelToNone() {
    sim()
        .contentType("application/json")
        .body("{\"enabled\":false}")
        .put("/_sim/throttle")
        .then()
        .statusCode(200);
    post("/identityProtection/riskyUsers/dismiss", "{\"userIds\":[]}").then().statusCode(400);
    post("/identityProtection/riskyUsers/confirmCompromised", "{\"userIds\":[\"" + MEMBER + "\"]}")
        .then()
        .statusCode(204);

    post("/identityProtection/riskyUsers/dismiss", "{\"userIds\":[\"" + MEMBER + "\"]}")
        .then()
        .statusCode(204);

    Map<?, ?> risk =
        (Map<?, ?>)
            sim()
                .get("/_sim/users/" + MEMBER)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("")
                .get("risk");
    assertThat(risk.get("level")).isEqualTo("none");
    assertThat(risk.get("state")).isEqualTo("dismissed");
    sim()
        .queryParam("user", MEMBER)
        .queryParam("action", "dismiss")
        .queryParam("effective", true)
        .get("/_sim/journal")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
  }

  private static Response post(String path, String body) {
    return graph().contentType("application/json").body(body).post(path);
  }
}
