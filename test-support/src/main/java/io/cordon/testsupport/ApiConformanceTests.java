package io.cordon.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The error and security contract every service honours (DESIGN §3, §4): extend it in a
 * {@code @QuarkusTest} of the service and name one protected read and one protected JSON write.
 */
public abstract class ApiConformanceTests {
  private static final String PROBLEM = "application/problem+json";

  /** A GET that needs a reader role. */
  protected abstract String protectedReadPath();

  /** A POST taking JSON that needs {@link #writeRole()}. */
  protected abstract String writePath();

  protected abstract String writeRole();

  /** A role that is authenticated but may not use {@link #writePath()}. */
  protected abstract String roleWithoutWriteAccess();

  /** A syntactically valid JSON body that breaks a validation rule of {@link #writePath()}. */
  protected abstract String invalidWriteBody();

  /** The field {@link #invalidWriteBody()} gets wrong, as the problem's errors[].field names it. */
  protected abstract String invalidField();

  @Test
  void missingTokenIs401Problem() {
    given()
        .get(protectedReadPath())
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo("urn:cordon:problem:unauthorized"))
        .body("status", equalTo(401));
  }

  @Test
  void expiredTokenIs401Problem() {
    given()
        .auth()
        .oauth2(TestJwt.expiredToken("late@cordon.test", TestJwt.ADMIN))
        .get(protectedReadPath())
        .then()
        .statusCode(401)
        .contentType(PROBLEM);
  }

  @Test
  void tokenFromUnknownIssuerKeyIs401Problem() {
    given()
        .auth()
        .oauth2(TestJwt.tokenSignedByUnknownKey("forger@cordon.test", TestJwt.ADMIN))
        .get(protectedReadPath())
        .then()
        .statusCode(401)
        .contentType(PROBLEM);
  }

  @Test
  void wrongRoleIs403Problem() {
    given()
        .auth()
        .oauth2(TestJwt.token("someone@cordon.test", roleWithoutWriteAccess()))
        .contentType(ContentType.JSON)
        .body(invalidWriteBody())
        .post(writePath())
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:forbidden"));
  }

  @Test
  void rolesInTheGroupsClaimGrantNothing() {
    // roles come from the one configured claim (roles); a group or another app's role named like
    // one of Cordon's is not Cordon's role
    given()
        .auth()
        .oauth2(TestJwt.groupsToken("group-member@cordon.test", writeRole()))
        .contentType(ContentType.JSON)
        .body(invalidWriteBody())
        .post(writePath())
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
  }

  @Test
  void tokenForAnotherApplicationIs401Problem() {
    given()
        .auth()
        .oauth2(TestJwt.tokenForAudience("api://another-app", "other@cordon.test", writeRole()))
        .get(protectedReadPath())
        .then()
        .statusCode(401)
        .contentType(PROBLEM);
    given()
        .auth()
        .oauth2(TestJwt.tokenWithoutAudience("nobody@cordon.test", writeRole()))
        .get(protectedReadPath())
        .then()
        .statusCode(401)
        .contentType(PROBLEM);
  }

  @Test
  void entraRolesClaimGrantsTheRole() {
    given()
        .auth()
        .oauth2(TestJwt.entraToken("app@cordon.test", writeRole()))
        .contentType(ContentType.JSON)
        .body(invalidWriteBody())
        .post(writePath())
        .then()
        .statusCode(400);
  }

  @Test
  void validationErrorNamesTheField() {
    asWriter()
        .contentType(ContentType.JSON)
        .body(invalidWriteBody())
        .post(writePath())
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:validation-failed"))
        .body("errors.field", hasItem(invalidField()))
        .body("errors[0].reason", notNullValue());
  }

  @Test
  void malformedJsonIs400Problem() {
    asWriter()
        .contentType(ContentType.JSON)
        .body("{\"incident\": {\"id\": ")
        .post(writePath())
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:malformed-body"));
  }

  @Test
  void wrongJsonTypeIs400ProblemNamingTheField() {
    asWriter()
        .contentType(ContentType.JSON)
        .body("[1, 2, 3]")
        .post(writePath())
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:malformed-body"))
        .body("errors[0].field", notNullValue());
  }

  @Test
  void wrongContentTypeIs415Problem() {
    asWriter()
        .contentType("application/xml")
        .body("<report/>")
        .post(writePath())
        .then()
        .statusCode(415)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:unsupported-media-type"));
  }

  @Test
  void unknownPathIs404Problem() {
    asWriter()
        .get("/api/v1/no-such-resource")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:not-found"));
  }

  @Test
  void unsupportedMethodIs405Problem() {
    asWriter()
        .delete(writePath())
        .then()
        .statusCode(405)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:method-not-allowed"));
  }

  @Test
  void healthMetricsAndOpenApiStayOpen() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }

  private io.restassured.specification.RequestSpecification asWriter() {
    return given().auth().oauth2(TestJwt.token("writer@cordon.test", writeRole()));
  }
}
