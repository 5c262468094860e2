package io.cordon.notification.rest;

import static io.cordon.notification.rest.Partners.ADMIN;
import static io.cordon.notification.rest.Partners.PATH;
import static io.cordon.notification.rest.Partners.VIEWER;
import static io.cordon.notification.rest.Partners.as;
import static io.cordon.notification.rest.Partners.body;
import static io.cordon.notification.rest.Partners.create;
import static io.cordon.notification.rest.Partners.createdId;
import static io.cordon.notification.rest.Partners.newSecret;
import static io.cordon.notification.rest.Partners.uniqueName;
import static io.cordon.notification.rest.Partners.webhookOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class PartnerResourceTest {

  @Test
  void onlyAdminsReadTheWebhookUrlInFull() {
    Map<String, Object> body = body(uniqueName("Token In Query"), newSecret());
    String full = "https://8.8.8.8/cordon/notices?token=partner-s3cr3t";
    webhookOf(body).put("url", full);
    String id = createdId(body);
    String shown = "https://8.8.8.8/cordon/notices?\u2026";

    as(ADMIN).get(PATH + "/" + id).then().statusCode(200).body("webhook.url", equalTo(full));
    for (String reader :
        List.of(
            VIEWER,
            TestJwt.token("responder@jaxa.example", TestJwt.RESPONDER),
            TestJwt.token("approver@jaxa.example", TestJwt.APPROVER))) {
      as(reader)
          .get(PATH + "/" + id)
          .then()
          .statusCode(200)
          .body("webhook.url", equalTo(shown))
          .body("webhook.secretSet", equalTo(true));
      String page = as(reader).queryParam("limit", 100).get(PATH).asString();
      assertThat(page).doesNotContain("partner-s3cr3t");
    }
  }

  @Test
  void partnerRoundTrip() {
    String name = uniqueName("Toyota Motor");
    Map<String, Object> body = body(name, newSecret());
    body.put(
        "contacts", List.of(" SOC@toyota.example ", "cert@toyota.example", "soc@TOYOTA.example"));
    body.put(
        "scopes",
        Map.of(
            "groups",
                List.of(
                    "6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F",
                    Map.of(
                        "id",
                        "0A0B0C0D-1111-2222-3333-444455556666",
                        "displayName",
                        " Project H3 Team "),
                    Map.of("id", "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "displayName", "dup")),
            "domains", List.of("Toyota.Example.", "toyota.example", "jaxa.jp"),
            "tags", List.of("automotive")));
    body.put("disclosure", "accounts");
    body.put("tlp", "TLP:AMBER+STRICT");

    Response created = create(body);
    created
        .then()
        .statusCode(201)
        .header("Location", containsString(PATH + "/"))
        .body("name", equalTo(name))
        .body("contacts", contains("SOC@toyota.example", "cert@toyota.example"))
        .body("webhook.url", equalTo("https://8.8.8.8/cordon/notices"))
        .body("webhook.secretSet", equalTo(true))
        .body(
            "scopes.groups.id",
            contains(
                "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "0a0b0c0d-1111-2222-3333-444455556666"))
        .body("scopes.groups[0]", not(hasKey("displayName")))
        .body("scopes.groups[1].displayName", equalTo("Project H3 Team"))
        .body("scopes", not(hasKey("unresolvedGroupNames")))
        .body("scopes.domains", contains("toyota.example", "jaxa.jp"))
        .body("scopes.tags", contains("automotive"))
        .body("disclosure", equalTo("accounts"))
        .body("tlp", equalTo("TLP:AMBER+STRICT"))
        .body("createdBy", equalTo("admin@cordon.test"));
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith(PATH + "/" + id);

    as(VIEWER)
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("name", equalTo(name))
        .body("webhook.secretSet", equalTo(true))
        .body("tlp", equalTo("TLP:AMBER+STRICT"));

    String renamed = uniqueName("Toyota Group");
    Map<String, Object> replacement = body(renamed, null);
    webhookOf(replacement).remove("secret");
    webhookOf(replacement).put("url", "https://[2001:4860:4860::8888]:8443/hooks");
    replacement.put("contacts", List.of("psirt@toyota.example"));
    replacement.put("disclosure", "SUMMARY");
    replacement.remove("tlp");
    as(TestJwt.token("other-admin@cordon.test", TestJwt.ADMIN))
        .body(replacement)
        .put(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo(renamed))
        .body("contacts", contains("psirt@toyota.example"))
        .body("webhook.url", equalTo("https://[2001:4860:4860::8888]:8443/hooks"))
        .body("webhook.secretSet", equalTo(true))
        .body("disclosure", equalTo("summary"))
        .body("tlp", equalTo("TLP:AMBER"))
        .body("createdBy", equalTo("admin@cordon.test"))
        .body("updatedBy", equalTo("other-admin@cordon.test"));
    as(VIEWER).get(PATH + "/" + id).then().statusCode(200).body("name", equalTo(renamed));

    as(ADMIN).delete(PATH + "/" + id).then().statusCode(204);
    as(VIEWER).get(PATH + "/" + id).then().statusCode(404);
    as(ADMIN).delete(PATH + "/" + id).then().statusCode(404);
  }

  @Test
  void emailOnlyPartnerHasNoWebhook() {
    Map<String, Object> body = body(uniqueName("NASA"), null);
    body.remove("webhook");
    create(body).then().statusCode(201).body("webhook", nullValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {TestJwt.VIEWER, TestJwt.RESPONDER, TestJwt.APPROVER, TestJwt.ADMIN})
  void everyReaderRoleMayList(String role) {
    String id = createdId(body(uniqueName("Readable"), newSecret()));

    as(TestJwt.token("reader@cordon.test", role))
        .queryParam("limit", 1000)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    as(TestJwt.token("reader@cordon.test", role)).get(PATH + "/" + id).then().statusCode(200);
  }

  @Test
  void detectorMayNotRead() {
    as(TestJwt.token("sentinel@cordon.test", TestJwt.DETECTOR))
        .get(PATH)
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:cordon:problem:forbidden"));
  }

  @ParameterizedTest
  @ValueSource(strings = {TestJwt.VIEWER, TestJwt.RESPONDER, TestJwt.APPROVER})
  void onlyAdminsWrite(String role) {
    String name = uniqueName("Defense Ministry");
    String id = createdId(body(name, newSecret()));
    String token = TestJwt.token("not-admin@cordon.test", role);

    as(token).body(body(uniqueName("Other"), newSecret())).post(PATH).then().statusCode(403);
    as(token).body(body("Renamed", newSecret())).put(PATH + "/" + id).then().statusCode(403);
    as(token).delete(PATH + "/" + id).then().statusCode(403);

    as(VIEWER).get(PATH + "/" + id).then().statusCode(200).body("name", equalTo(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "not-a-partner-id"})
  void unknownPartnerIs404Problem(String id) {
    as(VIEWER)
        .get(PATH + "/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:not-found"))
        .body("instance", endsWith(id));
    as(ADMIN).body(body("Nobody", newSecret())).put(PATH + "/" + id).then().statusCode(404);
    as(ADMIN).delete(PATH + "/" + id).then().statusCode(404);
  }

  @Test
  void duplicateNameIs409Problem() {
    String name = uniqueName("Mitsubishi Electric");
    String first = createdId(body(name, newSecret()));

    create(body("  " + name.toUpperCase(Locale.ROOT) + " ", newSecret()))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:conflict"))
        .body("errors[0].field", equalTo("name"));

    String second = createdId(body(uniqueName("NEC"), newSecret()));
    Map<String, Object> rename = body(name, null);
    webhookOf(rename).remove("secret");
    as(ADMIN).body(rename).put(PATH + "/" + second).then().statusCode(409);

    Map<String, Object> sameNameOtherCase = body(name.toLowerCase(Locale.ROOT), null);
    webhookOf(sameNameOtherCase).remove("secret");
    as(ADMIN)
        .body(sameNameOtherCase)
        .put(PATH + "/" + first)
        .then()
        .statusCode(200)
        .body("name", equalTo(name.toLowerCase(Locale.ROOT)));
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        invalid("contacts[1]", b -> b.put("contacts", List.of("soc@toyota.example", "soc"))),
        invalid("name", b -> b.put("name", " ")),
        invalid("name", b -> b.put("name", "x".repeat(201))),
        invalid("webhook.url", b -> webhookOf(b).put("url", "http://8.8.8.8/hook")),
        invalid("webhook.url", b -> webhookOf(b).put("url", "https://user:pw@8.8.8.8/hook")),
        invalid("webhook.url", b -> webhookOf(b).put("url", "not a url")),
        invalid("webhook.url", b -> webhookOf(b).remove("url")),
        invalid("webhook.secret", b -> webhookOf(b).put("secret", "correct horse battery")),
        invalid("webhook.secret", b -> webhookOf(b).put("secret", "whsec_***not-base64***")),
        invalid("webhook.secret", b -> webhookOf(b).put("secret", newSecret(16))),
        invalid("webhook.secret", b -> webhookOf(b).put("secret", newSecret(65))),
        invalid("webhook.secret", b -> webhookOf(b).remove("secret")),
        invalid("scopes.domains[1]", b -> b.put("scopes", Map.of("domains", domains()))),
        invalid("scopes.groups[0]", b -> b.put("scopes", Map.of("groups", List.of(" ")))),
        // a group by name: refused, never resolved or matched by it
        invalid(
            "scopes.groups[1]",
            b ->
                b.put(
                    "scopes",
                    Map.of(
                        "groups",
                        List.of("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "Project H3 Team")))),
        invalid(
            "scopes.groups[0]",
            b ->
                b.put(
                    "scopes", Map.of("groups", List.of(Map.of("displayName", "Project H3 Team"))))),
        invalid(
            "scopes.groups[0]",
            b ->
                b.put(
                    "scopes",
                    Map.of(
                        "groups",
                        List.of(
                            Map.of(
                                "id",
                                "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
                                "displayName",
                                "aero\u202Etxt.exe"))))),
        // a right-to-left override makes "exe.txt" display as "txt.exe"
        invalid(
            "scopes.tags[0]", b -> b.put("scopes", Map.of("tags", List.of("aero\u202Etxt.exe")))),
        invalid("scopes.tags[0]", b -> b.put("scopes", Map.of("tags", List.of("nasa\u200B")))),
        invalid(
            "scopes.groups[0]", b -> b.put("scopes", Map.of("groups", List.of("\uFEFFadmins")))),
        invalid("contacts", b -> removeChannels(b)),
        invalid("disclosure", b -> b.put("disclosure", "everything")),
        invalid("tlp", b -> b.put("tlp", "purple")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void validationErrorsNameTheField(String field, Consumer<Map<String, Object>> breakIt) {
    String name = uniqueName("Invalid");
    Map<String, Object> body = body(name, newSecret());
    breakIt.accept(body);
    Object sent = webhookOf(body) == null ? null : webhookOf(body).get("secret");
    String secret = sent == null ? "whsec_never-sent" : sent.toString();

    Response response = create(body);

    response
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field))
        .body("errors[0].reason", not(containsString(secret)));
    as(VIEWER).queryParam("limit", 1000).get(PATH).then().body("items.name", not(hasItem(name)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://localhost:8443/hook",
        "https://[::1]/hook",
        "https://10.20.30.40/hook",
        "https://172.16.0.10/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://0.0.0.0/hook",
        "https://[fd12:3456::1]/hook",
        "https://[fe80::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://224.0.0.1/hook"
      })
  void privateTargetsAreRefused(String url) {
    String name = uniqueName("Internal");
    Map<String, Object> body = body(name, newSecret());
    webhookOf(body).put("url", url);

    create(body)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:cordon:problem:unprocessable"))
        .body("errors[0].field", equalTo("webhook.url"))
        .body("errors[0].reason", containsString("public"));

    as(VIEWER).queryParam("limit", 1000).get(PATH).then().body("items.name", not(hasItem(name)));
  }

  @Test
  void replaceToPrivateTargetIsRefused() {
    String id = createdId(body(uniqueName("Moving"), newSecret()));
    Map<String, Object> body = body(uniqueName("Moved"), newSecret());
    webhookOf(body).put("url", "https://10.0.0.1/hook");

    as(ADMIN)
        .body(body)
        .put(PATH + "/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("webhook.url"));
    as(VIEWER)
        .get(PATH + "/" + id)
        .then()
        .body("webhook.url", equalTo("https://8.8.8.8/cordon/notices"));
  }

  @Test
  void partnersArePagedInNameOrder() {
    for (int i = 0; i < 5; i++) {
      createdId(body(uniqueName("Paged " + i), newSecret()));
    }

    List<String> names = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      var request = as(VIEWER).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get(PATH);
      page.then().statusCode(200);
      List<String> pageNames = page.path("items.name");
      names.addAll(pageNames);
      pageSizes.add(pageNames.size());
      cursor = page.path("next");
    } while (cursor != null);

    assertThat(names.size()).isGreaterThanOrEqualTo(5);
    assertThat(names).doesNotHaveDuplicates();
    assertThat(names)
        .isSortedAccordingTo(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)));
    assertThat(pageSizes.subList(0, pageSizes.size() - 1)).containsOnly(2);
    assertThat(names.stream().filter(n -> n.startsWith("Paged "))).hasSize(5);
  }

  @ParameterizedTest
  @CsvSource({"limit, 1001", "limit, abc", "cursor, ***", "cursor, Z2FyYmFnZQ"})
  void pagingParametersAreValidated(String parameter, String value) {
    // Z2FyYmFnZQ is valid base64 ("garbage"), but no cursor this API returned
    as(VIEWER)
        .queryParam(parameter, value)
        .get(PATH)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(parameter));
  }

  @Test
  void replaceWithoutSecretNeedsAStoredOne() {
    Map<String, Object> emailOnly = body(uniqueName("Email only"), null);
    emailOnly.remove("webhook");
    String id = createdId(emailOnly);
    Map<String, Object> withWebhook = body(uniqueName("Now with webhook"), null);
    webhookOf(withWebhook).remove("secret");

    as(ADMIN)
        .body(withWebhook)
        .put(PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("webhook.secret"));
  }

  private static Arguments invalid(String field, Consumer<Map<String, Object>> breakIt) {
    return Arguments.of(field, breakIt);
  }

  private static List<String> domains() {
    return List.of("toyota.example", "not a domain");
  }

  private static void removeChannels(Map<String, Object> body) {
    body.remove("webhook");
    body.put("contacts", List.of());
  }
}
