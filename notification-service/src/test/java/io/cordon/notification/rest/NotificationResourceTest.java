package io.cordon.notification.rest;

import static io.cordon.notification.rest.Notices.PATH;
import static io.cordon.notification.rest.Notices.RESPONDER;
import static io.cordon.notification.rest.Notices.awaitSettled;
import static io.cordon.notification.rest.Notices.partner;
import static io.cordon.notification.rest.Notices.publish;
import static io.cordon.notification.rest.Notices.unique;
import static io.cordon.notification.rest.Partners.ADMIN;
import static io.cordon.notification.rest.Partners.VIEWER;
import static io.cordon.notification.rest.Partners.as;
import static io.cordon.notification.rest.Partners.createdId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.contracts.events.GroupRef;
import io.cordon.notification.support.GreenMailResource;
import io.cordon.notification.support.PartnerEndpointResource;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /notifications}, {@code GET /notifications/{id}} and redelivery: roles, paging. */
@QuarkusTest
@TestProfile(AllowPrivateTargetsProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(PartnerEndpointResource.class)
@QuarkusTestResource(GreenMailResource.class)
class NotificationResourceTest {
  private static String incident;
  private static List<String> noticeIds;

  /**
   * One incident, three e-mail-only partners: three delivered notices to read. Made by the first
   * test that needs them (REST Assured only knows the app's port once a test runs).
   */
  @BeforeEach
  void threeNotices() {
    if (incident != null) {
      return;
    }
    Notices.Incident fixture = new Notices.Incident();
    GroupRef group = fixture.group(unique("Project H3 Team"));
    fixture.account(unique("a") + "@" + unique("jaxa") + ".example", group);
    for (int i = 0; i < 3; i++) {
      createdId(
          partner(
              unique("Reader partner"),
              null,
              null,
              List.of(unique("soc") + "@partners.test"),
              List.of(group.id()),
              List.of(),
              List.of(),
              "summary"));
    }
    publish(fixture.request());
    noticeIds = awaitSettled(fixture.id, 3).getList("items.id", String.class);
    incident = fixture.id;
  }

  @ParameterizedTest
  @ValueSource(strings = {TestJwt.VIEWER, TestJwt.RESPONDER, TestJwt.APPROVER, TestJwt.ADMIN})
  void everyReaderRoleSeesNoticesWithDeliveriesAndAttempts(String role) {
    as(TestJwt.token("reader@cordon.test", role))
        .queryParam("incident", incident)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items", hasSize(3))
        .body("items[0].incident.id", equalTo(incident))
        .body("items[0].tlp", equalTo("TLP:AMBER"))
        .body("items[0].deliveries[0].channel", equalTo("email"))
        .body("items[0].deliveries[0].status", equalTo("DELIVERED"))
        .body("items[0].deliveries[0].attempts[0].outcome", equalTo("DELIVERED"))
        .body("next", nullValue());
  }

  @Test
  void detectorsAndAnonymousCallersMayNotRead() {
    as(TestJwt.token("sentinel@cordon.test", TestJwt.DETECTOR)).get(PATH).then().statusCode(403);
    given().get(PATH).then().statusCode(401);
  }

  @Test
  void pagesFollowTheOpaqueCursor() {
    JsonPath first =
        as(VIEWER)
            .queryParam("incident", incident)
            .queryParam("limit", 2)
            .get(PATH)
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .body("next", notNullValue())
            .extract()
            .jsonPath();
    JsonPath second =
        as(VIEWER)
            .queryParam("incident", incident)
            .queryParam("limit", 2)
            .queryParam("cursor", first.getString("next"))
            .get(PATH)
            .then()
            .statusCode(200)
            .body("items", hasSize(1))
            .body("next", nullValue())
            .extract()
            .jsonPath();

    List<String> paged = new ArrayList<>(first.getList("items.id", String.class));
    paged.addAll(second.getList("items.id", String.class));
    assertThat(paged).containsExactlyElementsOf(noticeIds);
  }

  @Test
  void badPagingParametersAre400() {
    as(VIEWER).queryParam("limit", 0).get(PATH).then().statusCode(400);
    as(VIEWER).queryParam("cursor", "bm90LWEtbnVtYmVy").get(PATH).then().statusCode(400);
    as(VIEWER)
        .queryParam("limit", "abc")
        .get(PATH)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void oneNoticeById() {
    as(VIEWER)
        .get(PATH + "/" + noticeIds.get(0))
        .then()
        .statusCode(200)
        .body("id", equalTo(noticeIds.get(0)))
        .body("webhookId", notNullValue());
    for (String unknown : List.of("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "not-a-notice")) {
      as(VIEWER)
          .get(PATH + "/" + unknown)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:cordon:problem:not-found"))
          .body("instance", endsWith(unknown));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {TestJwt.VIEWER, TestJwt.APPROVER, TestJwt.DETECTOR})
  void onlyRespondersAndAdminsRedeliver(String role) {
    as(TestJwt.token("someone@cordon.test", role))
        .post(PATH + "/" + noticeIds.get(0) + "/redeliver")
        .then()
        .statusCode(403);
  }

  @Test
  void redeliveringWhatWasDeliveredIsAConflictAndUnknownNoticesAre404() {
    as(RESPONDER)
        .post(PATH + "/" + noticeIds.get(0) + "/redeliver")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:cordon:problem:conflict"));
    given()
        .auth()
        .oauth2(ADMIN)
        .post(PATH + "/6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f/redeliver")
        .then()
        .statusCode(404);
  }
}
