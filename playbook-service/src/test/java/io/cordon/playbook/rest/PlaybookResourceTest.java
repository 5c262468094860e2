package io.cordon.playbook.rest;

import static io.cordon.playbook.rest.Tokens.as;
import static io.cordon.playbook.rest.Tokens.asAdmin;
import static io.cordon.playbook.rest.Tokens.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class PlaybookResourceTest {
  private static final String PLAYBOOKS = "/api/v1/playbooks";
  private static final String PROBLEM = "application/problem+json";

  private static String yaml(String name, String onTimeout) {
    return """
        name: %s
        description: Lock out a leaked account.
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
          - id: reset-password
            action: RESET_PASSWORD
            continueOnFailure: true
          - id: disable-account
            action: DISABLE_ACCOUNT
            when: {privileged: true}
            approval: {role: approver, timeout: 30m, onTimeout: %s}
        """
        .formatted(name, onTimeout);
  }

  /** RestAssured encodes only the media types it knows; YAML goes as bytes. */
  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static Response put(String name, String contentType, String body) {
    return asAdmin().contentType(contentType).body(bytes(body)).put(PLAYBOOKS + "/" + name);
  }

  @Test
  void builtInPlaybooksArePresentAfterStartUp() {
    asViewer()
        .get(PLAYBOOKS)
        .then()
        .statusCode(200)
        .body("items.name", hasItem("contain-compromised-account"))
        .body("items.name", hasItem("revoke-only"))
        .body("items.find { it.name == 'contain-compromised-account' }.default", equalTo(true))
        .body("items.find { it.name == 'contain-compromised-account' }.origin", equalTo("BUILT_IN"))
        .body("items.find { it.name == 'contain-compromised-account' }.steps", equalTo(12))
        .body("items.find { it.name == 'revoke-only' }.default", equalTo(false))
        .body("items.find { it.name == 'revoke-only' }.updatedBy", equalTo("cordon (built-in)"));

    asViewer()
        .get(PLAYBOOKS + "/contain-compromised-account")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("version", equalTo(1))
        .body(
            "steps.id",
            equalTo(
                List.of(
                    "revoke-sessions",
                    "confirm-compromised",
                    "reset-password",
                    "notify-partners",
                    "remove-mail-rules",
                    "remove-mfa-methods",
                    "revoke-oauth-grants",
                    "remove-app-consents",
                    "disable-privileged-account",
                    "disable-devices",
                    "remove-privileged-roles",
                    "remove-app-credentials")))
        .body("steps.find { it.id == 'confirm-compromised' }.scope", equalTo("account"))
        .body("steps.find { it.id == 'notify-partners' }.scope", equalTo("run"))
        .body("steps.find { it.id == 'revoke-sessions' }.scope", equalTo("account"))
        .body("steps.find { it.id == 'disable-privileged-account' }.when.privileged", equalTo(true))
        .body(
            "steps.find { it.id == 'disable-privileged-account' }.approval.role",
            equalTo("approver"))
        .body(
            "steps.find { it.id == 'disable-privileged-account' }.approval.onTimeout",
            equalTo("fail"))
        .body(
            "steps.findAll { it.approval != null }.id",
            equalTo(
                List.of(
                    "disable-privileged-account",
                    "disable-devices",
                    "remove-privileged-roles",
                    "remove-app-credentials")));
    asViewer()
        .get(PLAYBOOKS + "/revoke-only")
        .then()
        .statusCode(200)
        .body("steps.action", equalTo(List.of("REVOKE_SESSIONS")));
  }

  @Test
  void everyReaderRoleMayReadAndOnlyAdminMayWrite() {
    for (String reader :
        List.of(TestJwt.VIEWER, TestJwt.RESPONDER, TestJwt.APPROVER, TestJwt.ADMIN)) {
      as(reader).get(PLAYBOOKS + "/revoke-only").then().statusCode(200);
    }
    as(TestJwt.DETECTOR).get(PLAYBOOKS).then().statusCode(403).contentType(PROBLEM);
    for (String nonAdmin : List.of(TestJwt.VIEWER, TestJwt.RESPONDER, TestJwt.APPROVER)) {
      as(nonAdmin)
          .contentType("application/yaml")
          .body(bytes(yaml("not-allowed", "skip")))
          .put(PLAYBOOKS + "/not-allowed")
          .then()
          .statusCode(403)
          .body("type", equalTo("urn:cordon:problem:forbidden"));
    }
    asAdmin().get(PLAYBOOKS + "/not-allowed").then().statusCode(404);
  }

  @Test
  void yamlIsAcceptedUnderEveryYamlMediaType() {
    for (String type : List.of("application/yaml", "application/x-yaml", "text/yaml")) {
      String name = "yaml-" + type.replace('/', '-');
      put(name, type, yaml(name, "skip"))
          .then()
          .statusCode(201)
          .header("Location", endsWith(PLAYBOOKS + "/" + name + "?version=1"))
          .contentType(ContentType.JSON)
          .body("name", equalTo(name))
          .body("version", equalTo(1))
          .body("steps[2].approval.timeout", equalTo("30m"))
          .body("steps[0].continueOnFailure", equalTo(false))
          .body("steps[1].continueOnFailure", equalTo(true));
      asViewer()
          .get(PLAYBOOKS + "/" + name)
          .then()
          .statusCode(200)
          .body("description", equalTo("Lock out a leaked account."));
    }
  }

  @Test
  void jsonIsAcceptedAndTheSameContentInYamlMakesNoNewVersion() {
    String json =
        """
        {"name": "json-upload", "steps": [
          {"id": "revoke", "action": "REVOKE_SESSIONS", "timeout": "PT10M",
           "parameters": {"b": 2, "a": "x"}},
          {"id": "notify", "action": "NOTIFY_PARTNERS", "scope": "run"}]}
        """;
    put("json-upload", "application/json", json)
        .then()
        .statusCode(201)
        .body("version", equalTo(1))
        .body("steps[0].parameters.b", equalTo("2"))
        .body("steps[1].scope", equalTo("run"));

    String sameInYaml =
        """
        # the same playbook, spelt differently: key order, defaults written out
        steps:
          - action: REVOKE_SESSIONS
            id: revoke
            scope: account
            continueOnFailure: false
            parameters: {a: x, b: "2"}
            timeout: PT10M
          - {id: notify, action: NOTIFY_PARTNERS, scope: run}
        name: json-upload
        """;
    put("json-upload", "application/yaml", sameInYaml)
        .then()
        .statusCode(200)
        .header("Location", nullValue())
        .body("version", equalTo(1));
    asViewer()
        .get(PLAYBOOKS + "/json-upload/versions")
        .then()
        .statusCode(200)
        .body("items", hasSize(1));
  }

  @Test
  void everyChangeIsANewVersionAndOldVersionsStayAsTheyWere() {
    String name = "versioned";
    put(name, "application/yaml", yaml(name, "skip"))
        .then()
        .statusCode(201)
        .body("version", equalTo(1));
    put(name, "application/yaml", yaml(name, "skip"))
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
    put(name, "application/yaml", yaml(name, "fail"))
        .then()
        .statusCode(201)
        .header("Location", endsWith("?version=2"))
        .body("version", equalTo(2));

    asViewer()
        .get(PLAYBOOKS + "/" + name)
        .then()
        .body("version", equalTo(2))
        .body("steps[2].approval.onTimeout", equalTo("fail"));
    asViewer()
        .queryParam("version", 1)
        .get(PLAYBOOKS + "/" + name)
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("steps[2].approval.onTimeout", equalTo("skip"));

    // going back to the first content is a change too: version 3, version 1 untouched
    put(name, "application/yaml", yaml(name, "skip"))
        .then()
        .statusCode(201)
        .body("version", equalTo(3));
    Response versions = asViewer().get(PLAYBOOKS + "/" + name + "/versions");
    versions
        .then()
        .statusCode(200)
        .body("items.version", equalTo(List.of(3, 2, 1)))
        .body("items.origin", equalTo(List.of("API", "API", "API")))
        .body("items[0].createdBy", equalTo("admin@jaxa.example"));
    List<String> hashes = versions.path("items.contentSha256");
    assertThat(hashes.get(0)).isEqualTo(hashes.get(2)).isNotEqualTo(hashes.get(1));
    asViewer()
        .queryParam("version", 2)
        .get(PLAYBOOKS + "/" + name)
        .then()
        .body("steps[2].approval.onTimeout", equalTo("fail"));
  }

  @Test
  void versionsArePagedNewestFirst() {
    String name = "many-versions";
    for (String onTimeout : List.of("skip", "fail", "approve")) {
      put(name, "application/yaml", yaml(name, onTimeout)).then().statusCode(201);
    }
    Response first = asViewer().queryParam("limit", 2).get(PLAYBOOKS + "/" + name + "/versions");
    first.then().statusCode(200).body("items.version", equalTo(List.of(3, 2)));
    asViewer()
        .queryParam("limit", 2)
        .queryParam("cursor", first.path("next").toString())
        .get(PLAYBOOKS + "/" + name + "/versions")
        .then()
        .body("items.version", equalTo(List.of(1)))
        .body("next", nullValue());
  }

  @Test
  void getAnswersYamlWhenAskedFor() throws Exception {
    String body =
        asViewer()
            .accept("application/yaml")
            .get(PLAYBOOKS + "/contain-compromised-account")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/yaml"))
            .extract()
            .asString();

    assertThat(body).startsWith("name: contain-compromised-account\n");
    JsonNode yaml = new YAMLMapper().readTree(body);
    assertThat(yaml.path("version").asInt()).isEqualTo(1);
    assertThat(yaml.path("steps").get(8).path("approval").path("timeout").asText()).isEqualTo("1h");

    asViewer()
        .accept("text/yaml")
        .get(PLAYBOOKS + "/revoke-only")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/yaml"));
    asViewer()
        .accept("text/html")
        .get(PLAYBOOKS + "/revoke-only")
        .then()
        .statusCode(406)
        .contentType(PROBLEM);
  }

  @Test
  void whatGetAnswersInYamlCanBePutBackUnchanged() {
    String yaml =
        asViewer()
            .accept("application/yaml")
            .get(PLAYBOOKS + "/contain-compromised-account")
            .asString();

    put("contain-compromised-account", "application/yaml", yaml)
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
  }

  @Test
  void postTakesTheNameFromTheBody() {
    String json =
        "{\"name\": \"posted\", \"steps\": [{\"id\": \"revoke\", \"action\": \"REVOKE_SESSIONS\"}]}";
    asAdmin()
        .contentType(ContentType.JSON)
        .body(json)
        .post(PLAYBOOKS)
        .then()
        .statusCode(201)
        .header("Location", endsWith(PLAYBOOKS + "/posted?version=1"));
    asAdmin().contentType(ContentType.JSON).body(json).post(PLAYBOOKS).then().statusCode(200);
    asAdmin()
        .contentType("application/yaml")
        .accept("application/yaml")
        .body(bytes(yaml("posted-yaml", "skip")))
        .post(PLAYBOOKS)
        .then()
        .statusCode(201)
        .contentType(startsWith("application/yaml"))
        .body(containsString("name: posted-yaml"));
  }

  @Test
  void unknownPlaybooksAndVersionsAre404Problems() {
    asViewer()
        .get(PLAYBOOKS + "/no-such-playbook")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:not-found"))
        .body("detail", equalTo("Playbook no-such-playbook not found"));
    asViewer()
        .queryParam("version", 99)
        .get(PLAYBOOKS + "/revoke-only")
        .then()
        .statusCode(404)
        .body("detail", equalTo("Playbook revoke-only version 99 not found"));
    asViewer().get(PLAYBOOKS + "/no-such-playbook/versions").then().statusCode(404);
    asViewer()
        .queryParam("version", "latest")
        .get(PLAYBOOKS + "/revoke-only")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("version"));
  }

  @Test
  void anInvalidPlaybookIs422NamingStepAndField() {
    put("bad-on-timeout", "application/yaml", yaml("bad-on-timeout", "wait"))
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:unprocessable"))
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("steps[2].approval.onTimeout"))
        .body("errors[0].reason", equalTo("must be one of skip, fail, approve"))
        .body(
            "detail",
            equalTo(
                "Playbook bad-on-timeout is invalid: steps[2] (disable-account).approval.onTimeout:"
                    + " must be one of skip, fail, approve"));
    asViewer().get(PLAYBOOKS + "/bad-on-timeout").then().statusCode(404);
  }

  @Test
  void invalidPlaybooksAreRefusedWithEveryProblemNamed() {
    String yaml =
        """
        name: many-problems
        steps:
          - {id: revoke, action: REVOKE_SESION}
          - {id: reset, action: RESET_PASSWORD, scope: run}
          - {id: revoke, action: REVOKE_OAUTH_GRANTS}
          - {id: notify, action: NOTIFY_PARTNERS}
          - {action: DISABLE_ACCOUNT, retry: {maxAttempts: 0}}
        """;
    put("many-problems", "application/x-yaml", yaml)
        .then()
        .statusCode(422)
        .body(
            "errors.field",
            equalTo(
                List.of(
                    "steps[0].action",
                    "steps[1].scope",
                    "steps[2].id",
                    "steps[3].scope",
                    "steps[4].id",
                    "steps[4].retry.maxAttempts")))
        .body("detail", containsString("steps[2] (revoke).id: duplicate step id revoke"))
        .body("detail", containsString("steps[0] (revoke).action: unknown action REVOKE_SESION"));
  }

  @Test
  void aMissingFieldInJsonIsNamed() {
    put(
            "no-action",
            "application/json",
            "{\"steps\": [{\"id\": \"revoke\"}, {\"id\": \"approve\", \"action\": \"DISABLE_ACCOUNT\","
                + " \"approval\": {\"role\": \"approver\", \"timeout\": \"1h\"}}]}")
        .then()
        .statusCode(422)
        .body("errors.field", equalTo(List.of("steps[0].action", "steps[1].approval.onTimeout")))
        .body("errors.reason", equalTo(List.of("is required", "is required")));
  }

  @Test
  void unreadableBodiesAre400Problems() {
    put("broken", "application/yaml", "name: broken\nsteps:\n  - id: [a\n")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:malformed-body"))
        .body("errors[0].field", equalTo("body"))
        .body("detail", startsWith("not valid YAML: line "));
    put("broken", "application/json", "{\"name\": \"broken\", \"name\": \"again\"}")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:cordon:problem:malformed-body"))
        .body("detail", containsString("Duplicate field 'name'"));
    put("broken", "application/yaml", "- just\n- a list\n")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:cordon:problem:malformed-body"));
    put("broken", "text/plain", "name: broken").then().statusCode(415).contentType(PROBLEM);
  }

  @Test
  void theNameInThePathRules() {
    put("path-name", "application/yaml", yaml("body-name", "skip"))
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:cordon:problem:validation-failed"))
        .body("errors[0].field", equalTo("name"))
        .body("errors[0].reason", containsString("must match the name in the path (path-name)"));
    put("Bad_Name", "application/yaml", yaml("Bad_Name", "skip"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("name"));
    put("unnamed-in-body", "application/yaml", "steps: [{id: revoke, action: REVOKE_SESSIONS}]\n")
        .then()
        .statusCode(201)
        .body("name", equalTo("unnamed-in-body"));
  }

  @Test
  void tooLargeADocumentIs413() {
    String huge = "name: huge\ndescription: " + "x".repeat(300 * 1024) + "\nsteps: []\n";
    put("huge", "application/yaml", huge)
        .then()
        .statusCode(413)
        .contentType(PROBLEM)
        .body("type", equalTo("urn:cordon:problem:payload-too-large"));
  }

  @Test
  void theListIsPagedByName() {
    for (String name : List.of("paged-a", "paged-b", "paged-c")) {
      put(name, "application/yaml", yaml(name, "skip")).then().statusCode(201);
    }
    List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = asViewer().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get(PLAYBOOKS);
      page.then().statusCode(200).body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2));
      seen.addAll(page.path("items.name"));
      cursor = page.path("next");
      pages++;
    } while (cursor != null && pages < 100);

    assertThat(seen).contains("paged-a", "paged-b", "paged-c", "revoke-only").isSorted();
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(pages).isGreaterThan(2);
    asViewer()
        .queryParam("limit", 0)
        .get(PLAYBOOKS)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
  }
}
