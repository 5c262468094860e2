package io.cordon.account.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class CompromiseReportResourceTest {
  private static final String RESPONDER =
      TestJwt.token("responder@jaxa.example", TestJwt.RESPONDER);
  private static final String VIEWER = TestJwt.token("viewer@jaxa.example", TestJwt.VIEWER);

  @Test
  void jsonReportIsAcceptedEntryByEntry() {
    String body =
        """
        {"incident": {"id": "INC-2024-001", "title": "VPN intrusion", "severity": "CRITICAL"},
         "accounts": ["Taro@JAXA.example", "taro@jaxa.example",
                      {"objectId": "6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F", "tenantId": "jaxa.example"},
                      "not an account", 42],
         "playbook": "revoke-only"}
        """;

    Response response =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/compromise-reports");

    response
        .then()
        .statusCode(202)
        .header("Location", containsString("/api/v1/compromise-reports/"))
        .body("accepted", equalTo(2))
        .body("duplicates", equalTo(1))
        .body("rejected", hasSize(2))
        .body("rejected[0].input", equalTo("accounts[4]: 42"))
        .body("rejected[1].input", equalTo("accounts[3]: not an account"));
    String reportId = response.path("reportId");

    given()
        .auth()
        .oauth2(VIEWER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .statusCode(200)
        .body("incident.id", equalTo("INC-2024-001"))
        .body("incident.severity", equalTo("CRITICAL"))
        .body("playbook", equalTo("revoke-only"))
        .body("reportedBy", equalTo("responder@jaxa.example"))
        .body("counts.accepted", equalTo(2))
        .body("counts.rejected", equalTo(2))
        .body(
            "accounts.items.input",
            equalTo(List.of("taro@jaxa.example", "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f")))
        .body("accounts.items[0].resolution", notNullValue());
  }

  @Test
  void csvReportIsAcceptedWithPerLineRejections() {
    String csv =
        "account,tenant\nhanako@jaxa.example,\nbroken line,\n\"x@y.example\",jaxa.example\n";

    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType("text/csv")
        .queryParam("incidentId", "INC-CSV")
        .body(csv)
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(2))
        .body("rejected[0].input", equalTo("line 3: broken line"));
  }

  @Test
  void aSpreadsheetExportWithBomSemicolonsAndAQuotedLineBreakIsRead() {
    // "CSV UTF-8" as Excel writes it where ';' separates lists: a BOM, CR LF, a note over two lines
    String csv =
        "\uFEFFaccount;tenant;note\r\n"
            + "hanako@jaxa.example;jaxa.example;\"VPN sign-in\r\nthen OWA\"\r\n"
            + "taro@jaxa.example;;\r\n"
            + "broken;line\r\n";

    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType("text/csv; charset=utf-8")
        .queryParam("incidentId", "INC-CSV-EXCEL")
        .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(2))
        .body("rejected", hasSize(1))
        .body("rejected[0].input", equalTo("line 5: broken;line"))
        .body("rejected[0].reason", containsString("expected 3 fields separated by ';'"));
  }

  @Test
  void csvWithoutIncidentIdNamesTheParameter() {
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType("text/csv")
        .body("account\na@b.example\n")
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("incidentId"));
  }

  // the query of a CSV report follows the JSON body's rules (CompromiseReportRequest)
  @ParameterizedTest
  @ValueSource(
      strings = {
        "incidentId=",
        "incidentId=%20%20",
        "incidentId=LONG201",
        "title=LONG501",
        "playbook=LONG101",
        "playbook=Contain-Now",
        "playbook=contain%0D%0Aforged-log-line",
        "playbook=contain%0Aforged"
      })
  void csvQueryParametersAreValidatedLikeTheJsonBody(String parameter) {
    String[] pair = parameter.split("=", 2);
    String value =
        pair[1].startsWith("LONG") ? "a".repeat(Integer.parseInt(pair[1].substring(4))) : pair[1];
    String query = "incidentId=INC-CSV-QUERY";
    query =
        pair[0].equals("incidentId") ? "incidentId=" + value : query + "&" + pair[0] + "=" + value;
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType("text/csv")
        .urlEncodingEnabled(false)
        .body("account\na@b.example\n")
        .post("/api/v1/compromise-reports?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo(pair[0]));
  }

  @Test
  void csvQueryParametersAtTheJsonLimitsAreAccepted() {
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType("text/csv")
        .queryParam("incidentId", "I".repeat(200))
        .queryParam("title", "t".repeat(500))
        .queryParam("playbook", "standard-containment")
        .body("account\na@b.example\n")
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(202);
  }

  @Test
  void reportAccountsArePaged() {
    String accounts =
        IntStream.range(0, 250)
            .mapToObj(i -> "\"user" + i + "@jaxa.example\"")
            .collect(Collectors.joining(","));
    String reportId =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body("{\"incident\":{\"id\":\"INC-PAGED\"},\"accounts\":[" + accounts + "]}")
            .post("/api/v1/compromise-reports")
            .path("reportId");

    String next =
        given()
            .auth()
            .oauth2(VIEWER)
            .queryParam("limit", 200)
            .get("/api/v1/compromise-reports/" + reportId)
            .then()
            .statusCode(200)
            .body("accounts.items", hasSize(200))
            .extract()
            .path("accounts.next");
    List<String> rest =
        given()
            .auth()
            .oauth2(VIEWER)
            .queryParam("limit", 200)
            .queryParam("cursor", next)
            .get("/api/v1/compromise-reports/" + reportId)
            .then()
            .statusCode(200)
            .body("accounts.next", nullValue())
            .extract()
            .path("accounts.items.input");

    assertThat(rest).hasSize(50).first().isEqualTo("user200@jaxa.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5000", "0", "abc", "1e3"})
  void limitOutOfRangeOrNotANumberIsRefused(String limit) {
    given()
        .auth()
        .oauth2(VIEWER)
        .queryParam("limit", limit)
        .get("/api/v1/compromise-reports/6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void unknownReportIs404() {
    given()
        .auth()
        .oauth2(VIEWER)
        .get("/api/v1/compromise-reports/6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f")
        .then()
        .statusCode(404)
        .body("instance", endsWith("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"));
  }

  @Test
  void unknownSeverityNamesTheField() {
    given()
        .auth()
        .oauth2(RESPONDER)
        .contentType(ContentType.JSON)
        .body("{\"incident\":{\"id\":\"I\",\"severity\":\"APOCALYPTIC\"},\"accounts\":[]}")
        .post("/api/v1/compromise-reports")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("incident.severity"));
  }
}
