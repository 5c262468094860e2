package io.cordon.account.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The protected list over the API (admins only, every change audited) beside the entries from
 * configuration, and overrides that take two people.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class ProtectedAccountResourceTest {
  private static final String CONFIGURED = "b7ea6915-0000-4000-8000-00000000b7ea";
  private static final String ADMIN = TestJwt.token("ada.admin@jaxa.example", TestJwt.ADMIN);
  private static final String SECOND_ADMIN =
      TestJwt.token("grace.admin@jaxa.example", TestJwt.ADMIN);
  private static final String RESPONDER =
      TestJwt.token("rita.responder@jaxa.example", TestJwt.RESPONDER);
  private static final String VIEWER = TestJwt.token("vic.viewer@jaxa.example", TestJwt.VIEWER);
  private static final String PROBLEM = "application/problem+json";

  @Test
  void anAdminKeepsTheListAndEveryChangeIsAudited() {
    String id = UUID.randomUUID().toString();

    put(ADMIN, id.toUpperCase(Locale.ROOT), "{\"kind\": \"user\", \"reason\": \"break-glass 1\"}")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/protected-accounts/" + id))
        .body("id", equalTo(id))
        .body("kind", equalTo("user"))
        .body("source", equalTo("api"))
        // no tenant named: protected in every tenant, as before tenants
        .body("tenant", nullValue())
        .body("tenantId", nullValue())
        .body("createdBy", equalTo("ada.admin@jaxa.example"));
    put(SECOND_ADMIN, id, "{\"kind\": \"user\", \"reason\": \"break-glass 1 (vault B)\"}")
        .then()
        .statusCode(200)
        .body("reason", equalTo("break-glass 1 (vault B)"))
        .body("createdBy", equalTo("ada.admin@jaxa.example"))
        .body("updatedBy", equalTo("grace.admin@jaxa.example"));
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/protected-accounts")
        .then()
        .statusCode(200)
        .body("items.id", hasItems(id, CONFIGURED));
    given().auth().oauth2(ADMIN).delete("/api/v1/protected-accounts/" + id).then().statusCode(204);
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/protected-accounts/" + id)
        .then()
        .statusCode(404)
        .contentType(PROBLEM);

    given()
        .auth()
        .oauth2(ADMIN)
        .queryParam("account", id)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body(
            "items.action",
            equalTo(
                List.of(
                    "protected-account.added",
                    "protected-account.changed",
                    "protected-account.removed")))
        .body("items[0].kind", equalTo("protected-account"))
        .body("items[1].before.reason", equalTo("break-glass 1"))
        .body("items[1].after.reason", equalTo("break-glass 1 (vault B)"))
        .body("items[2].actor.name", equalTo("ada.admin@jaxa.example"));
  }

  @Test
  void theListIsPagedInObjectIdOrder() {
    String first = "00000000-0000-4000-8000-" + tail();
    String second = "00000000-0000-4000-8001-" + tail();
    put(ADMIN, first, "{\"kind\": \"group\", \"reason\": \"Tier 0\"}").then().statusCode(201);
    put(ADMIN, second, "{\"kind\": \"user\", \"reason\": \"break-glass\"}").then().statusCode(201);
    try {
      String next =
          given()
              .auth()
              .oauth2(ADMIN)
              .queryParam("limit", 1)
              .get("/api/v1/protected-accounts")
              .then()
              .statusCode(200)
              .body("items.size()", equalTo(1))
              .body("next", notNullValue())
              .extract()
              .path("next");
      given()
          .auth()
          .oauth2(ADMIN)
          .queryParam("limit", 1000)
          .queryParam("cursor", next)
          .get("/api/v1/protected-accounts")
          .then()
          .statusCode(200)
          .body("next", nullValue());
    } finally {
      given().auth().oauth2(ADMIN).delete("/api/v1/protected-accounts/" + first);
      given().auth().oauth2(ADMIN).delete("/api/v1/protected-accounts/" + second);
    }
  }

  @Test
  void anEntryFromConfigurationIsShownButNotChangedHere() {
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/protected-accounts/" + CONFIGURED)
        .then()
        .statusCode(200)
        .body("source", equalTo("configuration"))
        .body("kind", equalTo("user"));
    put(ADMIN, CONFIGURED, "{\"kind\": \"user\", \"reason\": \"try to change it\"}")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("id"));
    given()
        .auth()
        .oauth2(ADMIN)
        .delete("/api/v1/protected-accounts/" + CONFIGURED)
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("id"));
  }

  @Test
  void refusalsNameTheFieldAndOnlyAdminsMayUseTheList() {
    String id = UUID.randomUUID().toString();
    put(ADMIN, "not-a-guid", "{\"kind\": \"user\", \"reason\": \"r\"}")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("id"));
    put(ADMIN, id, "{\"kind\": \"mailbox\", \"reason\": \"r\"}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    put(ADMIN, id, "{\"kind\": \"user\"}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    put(ADMIN, id, "{\"kind\": \"user\", \"reason\": \"r\", \"tenant\": \"northwind\"}")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("tenant"))
        .body("errors[0].reason", containsString("[default]"));
    put(RESPONDER, id, "{\"kind\": \"user\", \"reason\": \"r\"}")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    given()
        .auth()
        .oauth2(VIEWER)
        .get("/api/v1/protected-accounts")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
  }

  @Test
  void anOverrideNeedsASecondPersonAndEnds() {
    String id = UUID.randomUUID().toString();
    String override = "/api/v1/protected-accounts/" + id + "/override";

    for (String minutes : new String[] {"0", "241", "null"}) {
      ask(ADMIN, override, minutes)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors[0].field", equalTo("minutes"));
    }
    ask(ADMIN, override, "45")
        .then()
        .statusCode(201)
        .body("state", equalTo("REQUESTED"))
        .body("requestedBy", equalTo("ada.admin@jaxa.example"))
        .body("expiresAt", nullValue());
    ask(RESPONDER, override, "45").then().statusCode(409).body("errors[0].field", equalTo("id"));
    given()
        .auth()
        .oauth2(ADMIN)
        .post(override + "/approve")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    given()
        .auth()
        .oauth2(RESPONDER)
        .post(override + "/approve")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    given()
        .auth()
        .oauth2(SECOND_ADMIN)
        .post(override + "/approve")
        .then()
        .statusCode(200)
        .body("state", equalTo("ACTIVE"))
        .body("approvedBy", equalTo("grace.admin@jaxa.example"))
        .body("expiresAt", notNullValue());
    given()
        .auth()
        .oauth2(SECOND_ADMIN)
        .post(override + "/approve")
        .then()
        .statusCode(409)
        .contentType(PROBLEM);
    given()
        .auth()
        .oauth2(ADMIN)
        .delete(override)
        .then()
        .statusCode(200)
        .body("state", equalTo("ENDED"));
    given().auth().oauth2(ADMIN).get(override).then().statusCode(404).contentType(PROBLEM);
    given()
        .auth()
        .oauth2(SECOND_ADMIN)
        .post(override + "/approve")
        .then()
        .statusCode(409)
        .contentType(PROBLEM);

    given()
        .auth()
        .oauth2(ADMIN)
        .queryParam("account", id)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body(
            "items.action",
            hasItems(
                "protected-account.override-requested",
                "protected-account.override-approved",
                "protected-account.override-ended"))
        .body("items.actor.name", hasItem("grace.admin@jaxa.example"));
  }

  private static Response put(String token, String id, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/protected-accounts/" + id);
  }

  private static Response ask(String token, String path, String minutes) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"the attacker holds this account\", \"minutes\": " + minutes + "}")
        .post(path);
  }

  private static String tail() {
    return UUID.randomUUID().toString().substring(24);
  }
}
