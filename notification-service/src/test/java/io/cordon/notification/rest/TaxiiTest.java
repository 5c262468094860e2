package io.cordon.notification.rest;

import static io.cordon.notification.rest.Partners.ADMIN;
import static io.cordon.notification.rest.Partners.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.cordon.contracts.Disclosure;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.Tlp;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.Indicator;
import io.cordon.notification.repository.NoticeEntity;
import io.cordon.notification.support.GreenMailResource;
import io.cordon.notification.support.PartnerEndpointResource;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 24 item 5: a partner's TAXII 2.1 collection of its notices' STIX objects. */
@QuarkusTest
@TestProfile(AllowPrivateTargetsProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(PartnerEndpointResource.class)
@QuarkusTestResource(GreenMailResource.class)
class TaxiiTest {
  private static final String TAXII = "application/taxii+json;version=2.1";
  private static final String ROOT = "/taxii2/partners/";

  @Test
  void aPartnerPullsItsOwnCollectionAndNothingElse() {
    String toyota = partner("Toyota");
    String nasa = partner("NASA");
    Map<String, Object> toyotaKey = issue(toyota);
    Map<String, Object> nasaKey = issue(nasa);
    notice(
        toyota, Instant.parse("2026-12-01T10:00:00Z"), indicator("1", "2026-12-01T09:00:00.000Z"));
    notice(
        toyota,
        Instant.parse("2026-12-02T10:00:00Z"),
        indicator("1", "2026-12-02T09:00:00.000Z"),
        indicator("2", "2026-12-02T09:00:00.000Z"));
    notice(nasa, Instant.parse("2026-12-01T11:00:00Z"), indicator("3", "2026-12-01T09:00:00.000Z"));

    JsonPath discovery =
        taxii(toyotaKey).get("/taxii2/").then().statusCode(200).extract().jsonPath();
    assertThat(discovery.getList("api_roots", String.class))
        .singleElement()
        .asString()
        .endsWith(ROOT);
    taxii(toyotaKey)
        .get(ROOT)
        .then()
        .statusCode(200)
        .contentType(startsWith("application/taxii+json"));
    assertThat(
            taxii(toyotaKey)
                .get(ROOT + "collections/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("collections.id", String.class))
        .containsExactly(toyota);
    taxii(toyotaKey).get(ROOT + "collections/" + nasa + "/objects/").then().statusCode(404);

    // the last version of each object, oldest addition first; NASA's indicator is not there
    Response objects = taxii(toyotaKey).get(ROOT + "collections/" + toyota + "/objects/");
    objects.then().statusCode(200).contentType(startsWith("application/taxii+json"));
    assertThat(objects.jsonPath().getList("objects.id", String.class))
        .containsExactly(id("1"), id("2"));
    assertThat(objects.jsonPath().getString("objects[0].modified"))
        .isEqualTo("2026-12-02T09:00:00.000Z");
    // both last versions came with the second notice
    assertThat(objects.header("X-TAXII-Date-Added-First")).isEqualTo("2026-12-02T10:00:00.000Z");
    assertThat(objects.header("X-TAXII-Date-Added-Last")).isEqualTo("2026-12-02T10:00:00.000Z");

    // every version, one per page
    JsonPath first =
        taxii(toyotaKey)
            .queryParam("match[version]", "all")
            .queryParam("limit", 1)
            .get(ROOT + "collections/" + toyota + "/objects/")
            .jsonPath();
    assertThat(first.getBoolean("more")).isTrue();
    JsonPath second =
        taxii(toyotaKey)
            .queryParam("match[version]", "all")
            .queryParam("limit", 1)
            .queryParam("next", first.getString("next"))
            .get(ROOT + "collections/" + toyota + "/objects/")
            .jsonPath();
    assertThat(
            List.of(
                first.getString("objects[0].modified"), second.getString("objects[0].modified")))
        .containsExactly("2026-12-01T09:00:00.000Z", "2026-12-02T09:00:00.000Z");

    JsonPath manifest =
        taxii(toyotaKey)
            .queryParam("added_after", "2026-12-01T10:00:00.000Z")
            .get(ROOT + "collections/" + toyota + "/manifest/")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(manifest.getList("objects.id", String.class)).containsExactly(id("1"), id("2"));
    assertThat(manifest.getString("objects[0].media_type"))
        .isEqualTo("application/stix+json;version=2.1");
    assertThat(manifest.getString("objects[0].date_added")).isEqualTo("2026-12-02T10:00:00.000Z");

    taxii(toyotaKey)
        .get(ROOT + "collections/" + toyota + "/objects/" + id("2") + "/")
        .then()
        .statusCode(200);
    taxii(toyotaKey)
        .get(ROOT + "collections/" + toyota + "/objects/" + id("3") + "/")
        .then()
        .statusCode(404);
    taxii(nasaKey)
        .get(ROOT + "collections/" + nasa + "/objects/" + id("3") + "/")
        .then()
        .statusCode(200);
  }

  @Test
  void aNoticeWithIndicatorsFillsThePartnersCollection() {
    Notices.Incident incident = new Notices.Incident();
    String domain = Notices.unique("lunar") + ".example";
    incident.accounts.add(
        AffectedAccount.of(Notices.unique("a") + "@" + domain, List.of())
            .withIndicators(
                List.of(
                    new Indicator(
                        IndicatorType.IPV4,
                        "198.51.100.23",
                        Instant.parse("2026-12-01T08:00:00Z"),
                        "csv"))));
    Map<String, Object> body =
        Notices.partner(
            Partners.uniqueName("Lunar"),
            null,
            null,
            List.of("soc@" + domain),
            List.of(),
            List.of(domain),
            List.of(),
            "summary");
    String partner = Partners.createdId(body);
    Map<String, Object> key = issue(partner);

    Notices.publish(incident.request());
    Notices.awaitNotices(incident.id, notices -> notices.getList("items").size() == 1);

    JsonPath objects =
        taxii(key)
            .get(ROOT + "collections/" + partner + "/objects/")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(objects.getList("objects.type", String.class))
        .contains("indicator", "sighting", "report", "identity", "marking-definition");
    assertThat(objects.getString("objects.find { it.type == 'indicator' }.pattern"))
        .isEqualTo("[ipv4-addr:value = '198.51.100.23']");
    // amber, as the partner registered: the OASIS TLP 2.0 marking definition
    assertThat(
            objects.getList(
                "objects.find { it.type == 'indicator' }.object_marking_refs", String.class))
        .containsExactly("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
  }

  @Test
  void withoutItsTokenOrWithTheWrongMediaTypeThereIsNothing() {
    String partner = partner("Defence");
    Map<String, Object> key = issue(partner);

    given()
        .get(ROOT)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Basic"))
        .contentType(startsWith("application/taxii+json"));
    given().auth().preemptive().basic(partner, "taxii_wrong").get(ROOT).then().statusCode(401);
    given()
        .auth()
        .oauth2(ADMIN)
        .get(ROOT + "collections/" + partner + "/objects/")
        .then()
        .statusCode(401);
    taxii(key).accept("application/json").get(ROOT).then().statusCode(406);
    taxii(key)
        .queryParam("added_after", "yesterday")
        .get(ROOT + "collections/" + partner + "/objects/")
        .then()
        .statusCode(400)
        .body("http_status", org.hamcrest.Matchers.equalTo("400"))
        .body("description", org.hamcrest.Matchers.containsString("added_after"));

    // issuing again rotates: the old token stops working at once; revoking ends the new one
    Map<String, Object> rotated = issue(partner);
    taxii(key).get(ROOT).then().statusCode(401);
    taxii(rotated).get(ROOT).then().statusCode(200);
    as(ADMIN).delete(Partners.PATH + "/" + partner + "/taxii-credential").then().statusCode(204);
    taxii(rotated).get(ROOT).then().statusCode(401);
  }

  @Test
  void onlyAdminsIssueAndTheTokenIsKeptNowhere() throws Exception {
    String partner = partner("Space Agency");
    as(Partners.VIEWER)
        .post(Partners.PATH + "/" + partner + "/taxii-credential")
        .then()
        .statusCode(403);
    as(ADMIN)
        .post(Partners.PATH + "/" + UUID.randomUUID() + "/taxii-credential")
        .then()
        .statusCode(404);
    String token = (String) issue(partner).get("password");

    assertThat(token).startsWith("taxii_").hasSizeGreaterThan(40);
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select (select count(*) from taxii_credential where token_hash like ?)"
                    + " + (select count(*) from audit_entry where concat(before_state, after_state,"
                    + " reason) like ?)")) {
      query.setString(1, "%" + token + "%");
      query.setString(2, "%" + token + "%");
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        assertThat(rows.getLong(1)).isZero();
      }
    }
  }

  private static RequestSpecification taxii(Map<String, Object> key) {
    return given()
        .auth()
        .preemptive()
        .basic((String) key.get("username"), (String) key.get("password"))
        .accept(TAXII);
  }

  private static String partner(String name) {
    Map<String, Object> body = Partners.body(Partners.uniqueName(name), Partners.newSecret());
    body.put(
        "scopes",
        Map.of(
            "groups", List.of(),
            "domains", List.of(UUID.randomUUID() + ".example"),
            "tags", List.of()));
    return Partners.createdId(body);
  }

  private static Map<String, Object> issue(String partnerId) {
    return as(ADMIN)
        .post(Partners.PATH + "/" + partnerId + "/taxii-credential")
        .then()
        .statusCode(201)
        .header("Cache-Control", "no-store")
        .extract()
        .jsonPath()
        .getMap("");
  }

  private static String id(String n) {
    return "indicator--00000000-0000-4000-8000-00000000000" + n;
  }

  private static String indicator(String n, String modified) {
    return """
        {"type": "indicator", "spec_version": "2.1", "id": "%s",
         "created": "2026-12-01T09:00:00.000Z", "modified": "%s",
         "pattern": "[ipv4-addr:value = '203.0.113.%s']", "pattern_type": "stix",
         "valid_from": "2026-12-01T09:00:00.000Z"}"""
        .formatted(id(n), modified, n);
  }

  /** A notice as NoticeService stores it, carrying these STIX objects. */
  private static void notice(String partnerId, Instant createdAt, String... objects) {
    NoticeEntity notice = new NoticeEntity();
    notice.id = UUID.randomUUID();
    notice.partnerId = UUID.fromString(partnerId);
    notice.partnerName = "partner";
    notice.incidentId = "INC-TAXII-" + UUID.randomUUID();
    notice.notificationId = UUID.randomUUID().toString();
    notice.requestEventId = UUID.randomUUID().toString();
    notice.sequence = 1;
    notice.webhookId = "msg_" + notice.id.toString().replace("-", "");
    notice.disclosure = Disclosure.SUMMARY;
    notice.tlp = Tlp.AMBER;
    notice.createdAt = createdAt;
    notice.body =
        """
        {"type": "cordon.partner-notice.v1", "data": {"stix": {"type": "bundle",
         "id": "bundle--%s", "objects": [%s]}}}"""
            .formatted(UUID.randomUUID(), String.join(",", objects));
    QuarkusTransaction.requiringNew().run(notice::persist);
  }
}
