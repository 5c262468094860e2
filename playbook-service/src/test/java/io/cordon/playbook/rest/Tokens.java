package io.cordon.playbook.rest;

import static io.restassured.RestAssured.given;

import io.cordon.testsupport.TestJwt;
import io.restassured.specification.RequestSpecification;

/** Requests as each role. */
final class Tokens {
  static final String ADMIN = TestJwt.token("admin@jaxa.example", TestJwt.ADMIN);
  static final String VIEWER = TestJwt.token("viewer@jaxa.example", TestJwt.VIEWER);

  private Tokens() {}

  static RequestSpecification asAdmin() {
    return given().auth().oauth2(ADMIN);
  }

  static RequestSpecification asViewer() {
    return given().auth().oauth2(VIEWER);
  }

  static RequestSpecification as(String role) {
    return given().auth().oauth2(TestJwt.token(role + "@jaxa.example", role));
  }
}
