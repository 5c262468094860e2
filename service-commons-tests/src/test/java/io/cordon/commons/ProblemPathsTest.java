package io.cordon.commons;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class ProblemPathsTest {

  @Test
  void validationErrorsNameFieldsAsTheClientWroteThem() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\": \"\", \"contacts\": [\"ok@example.org\", \"not-an-email\"],"
                + " \"parts\": [{\"name\": \"\"}, {\"name\": \"bolt\"}]}")
        .post("/api/test/widgets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:validation-failed"))
        .body("errors.field", containsInAnyOrder("name", "contacts[1]", "parts[0].name"));
  }

  @Test
  void wrongTypeInsideAListNamesTheElement() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"w\", \"parts\": [{\"name\": \"a\"}, {\"name\": {\"nested\": 1}}]}")
        .post("/api/test/widgets")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:cordon:problem:malformed-body"))
        .body("errors[0].field", equalTo("parts[1].name"));
  }

  @Test
  void jsonNestedPastJacksonsLimitIsABadBodyNotAServerError() {
    String deep = "{\"name\": \"w\", \"parts\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    // a resource that parses the raw bytes itself meets Jackson's nesting limit unwrapped
    given()
        .contentType(ContentType.JSON)
        .body(deep)
        .post("/api/test/widgets/raw")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:malformed-body"))
        .body("errors[0].field", equalTo("body"));
    given()
        .contentType(ContentType.JSON)
        .body(deep)
        .post("/api/test/widgets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
