package io.cordon.account.executor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A detector is a machine: a report of its that names more than 25 accounts or a privileged one is
 * resolved but waits, publishing nothing (so no run, no write), until a person releases it.
 */
@QuarkusTest
@GraphExecutorResources
class BlastRadiusTest {
  private static final String DETECTOR =
      TestJwt.token("sentinel-connector@jaxa.example", TestJwt.DETECTOR);
  private static final String APPROVER =
      TestJwt.token("aki.approver@jaxa.example", TestJwt.APPROVER);
  private static final String RESPONDER =
      TestJwt.token("rin.responder@jaxa.example", TestJwt.RESPONDER);
  private static final Duration WAIT = Duration.ofSeconds(90);

  @InjectGraphWireMock WireMockServer graph;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
  }

  @Test
  void aDetectionNamingAPrivilegedAccountWaitsForAPersonsRelease() {
    String admin = UUID.randomUUID().toString();
    String member = UUID.randomUUID().toString();
    GraphBatchStub.graphBatch()
        .user(admin, upn(admin), "Member", false, List.of(), List.of("Global Administrator"))
        .user(member, upn(member), "Member", false, List.of(), List.of())
        .install(graph);

    String reportId = detect(DETECTOR, List.of(admin, member));
    awaitStatus(reportId, "HELD");

    given()
        .auth()
        .oauth2(APPROVER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .body("hold.reason", containsString("1 privileged account(s): " + upn(admin)))
        .body("hold.reason", containsString("Global Administrator"))
        .body("hold.releasedBy", nullValue());
    assertThat(published(reportId)).isEmpty();

    release(DETECTOR, reportId).then().statusCode(403).contentType("application/problem+json");
    release(APPROVER, reportId)
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("hold.releasedBy", equalTo("aki.approver@jaxa.example"));
    assertThat(awaitPublished(reportId))
        .singleElement()
        .satisfies(e -> assertThat(e.accounts()).hasSize(2));
    release(APPROVER, reportId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("id"));

    given()
        .auth()
        .oauth2(TestJwt.token("vera.viewer@jaxa.example", TestJwt.VIEWER))
        .queryParam("incident", incidentOf(reportId))
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("items.action", hasItems("report.held", "report.released"))
        .body("items.actor.name", hasItem("aki.approver@jaxa.example"));
  }

  @Test
  void aDetectionOfMoreThan25AccountsWaitsAndNoReporterReleasesItsOwn() {
    GraphBatchStub stub = GraphBatchStub.graphBatch();
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      String id = UUID.randomUUID().toString();
      stub.user(id, upn(id), "Member", false, List.of(), List.of());
      accounts.add(id);
    }
    stub.install(graph);
    // a principal holding both roles still cannot vouch for its own report
    String botWithBothRoles =
        TestJwt.token("soc-automation@jaxa.example", TestJwt.DETECTOR, TestJwt.RESPONDER);

    String reportId = detect(botWithBothRoles, accounts);
    awaitStatus(reportId, "HELD");

    given()
        .auth()
        .oauth2(RESPONDER)
        .queryParam("status", "held")
        .queryParam("limit", 1000)
        .get("/api/v1/compromise-reports")
        .then()
        .statusCode(200)
        .body("items.reportId", hasItem(reportId))
        .body("items.status", hasItem("HELD"));
    given()
        .auth()
        .oauth2(RESPONDER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .body("hold.reason", containsString("names 26 accounts, more than the 25"));
    assertThat(published(reportId)).isEmpty();
    release(botWithBothRoles, reportId)
        .then()
        .statusCode(403)
        .body("detail", containsString("Four eyes"));

    release(RESPONDER, reportId).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    assertThat(awaitPublished(reportId))
        .singleElement()
        .satisfies(e -> assertThat(e.accounts()).hasSize(26));
  }

  @Test
  void aReporterUnderAnotherNameOrAnApplicationCannotReleaseTheHeldReport() {
    GraphBatchStub stub = GraphBatchStub.graphBatch();
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      String id = UUID.randomUUID().toString();
      stub.user(id, upn(id), "Member", false, List.of(), List.of());
      accounts.add(id);
    }
    stub.install(graph);
    String tenant = UUID.randomUUID().toString();
    String reporterOid = UUID.randomUUID().toString();
    String reporter =
        TestJwt.tokenWithClaims(
            Map.of(
                "sub", "s-1",
                "upn", "kenji@jaxa.example",
                "tid", tenant,
                "oid", reporterOid,
                "scp", "access_as_user"),
            TestJwt.DETECTOR,
            TestJwt.RESPONDER);
    String reportId = detect(reporter, accounts);
    awaitStatus(reportId, "HELD");

    // the same Entra user after a rename: another name, the same tenant and object id
    String renamed =
        TestJwt.tokenWithClaims(
            Map.of(
                "sub", "s-2",
                "upn", "kenji.sato@jaxa.example",
                "tid", tenant,
                "oid", reporterOid,
                "scp", "access_as_user"),
            TestJwt.RESPONDER);
    release(renamed, reportId)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("Four eyes"));
    // an application's own token (Entra: tid without scp) holds the role but is nobody
    String application =
        TestJwt.tokenWithClaims(
            Map.of("sub", "app-1", "tid", tenant, "oid", UUID.randomUUID().toString()),
            TestJwt.RESPONDER);
    release(application, reportId)
        .then()
        .statusCode(403)
        .body("detail", containsString("application's own"));
    assertThat(published(reportId)).isEmpty();

    release(RESPONDER, reportId).then().statusCode(200).body("status", equalTo("PUBLISHED"));
  }

  @Test
  void aSmallDetectionOfOrdinaryAccountsGoesOnAtOnce() {
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    GraphBatchStub.graphBatch()
        .user(first, upn(first), "Member", false, List.of(), List.of())
        .user(second, upn(second), "Member", false, List.of(), List.of())
        .install(graph);

    String reportId = detect(DETECTOR, List.of(first, second));
    awaitStatus(reportId, "PUBLISHED");

    given()
        .auth()
        .oauth2(RESPONDER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .body("hold", nullValue());
    assertThat(awaitPublished(reportId)).hasSize(1);
  }

  /** Entra ID Protection risk detections, one per account. */
  private static String detect(String token, List<String> objectIds) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode payload = json.createObjectNode();
    ArrayNode value = payload.putArray("value");
    for (String objectId : objectIds) {
      value
          .addObject()
          .put("@odata.type", "#microsoft.graph.riskDetection")
          .put("id", "rd-" + objectId)
          .put("riskEventType", "unfamiliarFeatures")
          .put("riskState", "atRisk")
          .put("riskLevel", "high")
          .put("userId", objectId)
          .put("userPrincipalName", upn(objectId));
    }
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(payload.toString())
        .post("/api/v1/detections")
        .then()
        .statusCode(202)
        .extract()
        .path("reportId");
  }

  private static io.restassured.response.Response release(String token, String reportId) {
    return given().auth().oauth2(token).post("/api/v1/compromise-reports/" + reportId + "/release");
  }

  private static void awaitStatus(String reportId, String status) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                status.equals(
                    given()
                        .auth()
                        .oauth2(RESPONDER)
                        .get("/api/v1/compromise-reports/" + reportId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status")));
  }

  private static String incidentOf(String reportId) {
    return given()
        .auth()
        .oauth2(RESPONDER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .extract()
        .path("incident.id");
  }

  /** The outbox relays after commit: wait for the event rather than for a guessed time. */
  private static List<CompromiseReported> awaitPublished(String reportId) {
    await().atMost(WAIT).until(() -> !published(reportId).isEmpty());
    return published(reportId);
  }

  private static List<CompromiseReported> published(String reportId) {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      return kafka.readAll(Topics.COMPROMISE_REPORTS).stream()
          .filter(r -> reportId.equals(r.key()))
          .map(r -> EventJson.read(r.value(), CompromiseReported.class))
          .toList();
    }
  }

  private static String upn(String objectId) {
    return "u" + objectId.substring(0, 8) + "@jaxa.example";
  }
}
