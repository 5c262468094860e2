package io.cordon.notification.rest;

import static io.restassured.RestAssured.given;

import io.cordon.testsupport.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bodies, tokens and calls shared by the partner API tests. */
final class Partners {
  static final String PATH = "/api/v1/partners";
  static final String ADMIN = TestJwt.token("admin@cordon.test", TestJwt.ADMIN);
  static final String VIEWER = TestJwt.token("viewer@cordon.test", TestJwt.VIEWER);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Partners() {}

  /** A fresh Standard Webhooks secret of {@code bytes} random bytes. */
  static String newSecret(int bytes) {
    byte[] key = new byte[bytes];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  static String newSecret() {
    return newSecret(32);
  }

  static String uniqueName(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A complete, valid body with a webhook at a public IP literal (no DNS lookup needed). */
  static Map<String, Object> body(String name, String secret) {
    Map<String, Object> webhook = new LinkedHashMap<>();
    webhook.put("url", "https://8.8.8.8/cordon/notices");
    webhook.put("secret", secret);
    Map<String, Object> scopes = new LinkedHashMap<>();
    scopes.put(
        "groups",
        new ArrayList<>(
            List.of(Map.of("id", "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "displayName", "H3"))));
    scopes.put("domains", new ArrayList<>(List.of("toyota.example")));
    scopes.put("tags", new ArrayList<>(List.of("automotive")));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("contacts", new ArrayList<>(List.of("soc@toyota.example")));
    body.put("webhook", webhook);
    body.put("scopes", scopes);
    body.put("disclosure", "summary");
    body.put("tlp", "amber");
    return body;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> webhookOf(Map<String, Object> body) {
    return (Map<String, Object>) body.get("webhook");
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static Response create(Map<String, Object> body) {
    return as(ADMIN).body(body).post(PATH);
  }

  /** Creates the partner and returns its id, failing unless the API answers 201. */
  static String createdId(Map<String, Object> body) {
    return create(body).then().statusCode(201).extract().path("id");
  }
}
