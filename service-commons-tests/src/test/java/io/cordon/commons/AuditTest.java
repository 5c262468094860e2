package io.cordon.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.cordon.commons.testapp.AuditedWidgets;
import io.cordon.commons.testapp.WidgetService;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class AuditTest {

  @Inject AuditedWidgets widgets;
  @Inject AgroalDataSource serviceDataSource;

  @Test
  void entryCommitsWithTheChangeAndRollsBackWithIt() throws SQLException {
    String kept = "incident-" + UUID.randomUUID();
    String dropped = "incident-" + UUID.randomUUID();

    widgets.create(kept, 2, false);
    assertThatThrownBy(() -> widgets.create(dropped, 3, true))
        .isInstanceOf(IllegalStateException.class);

    assertThat(entries(kept)).hasSize(2);
    assertThat(entries(dropped)).isEmpty();
    assertThat(OutboxTest.count("select count(*) from widget where name like '" + dropped + "%'"))
        .isZero();
    assertChainIntact();
  }

  /**
   * The entries are appended on the transaction's own connection and give it back before the
   * commit: the pool finds no connection still open when the transaction commits (it warns "Closing
   * open connection(s) prior to commit" when it does).
   */
  @Test
  void appendingEntriesLeavesNoConnectionOpenAtCommit() {
    List<String> poolWarnings = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              poolWarnings.add(new SimpleFormatter().formatMessage(record));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger pool = Logger.getLogger("io.agroal.pool");
    pool.addHandler(capture);
    try {
      String unaudited = "incident-" + UUID.randomUUID();
      String audited = "incident-" + UUID.randomUUID();
      widgets.createUnaudited(unaudited, 2);
      assertThat(poolWarnings).as("the pool's warnings without auditing").isEmpty();

      widgets.create(audited, 2, false);

      assertThat(entries(audited)).hasSize(2);
      assertThat(poolWarnings).as("the pool's warnings with auditing").isEmpty();
    } finally {
      pool.removeHandler(capture);
    }
  }

  @Test
  void callerAndCorrelationIdAreRecordedAndSecretsRedacted() {
    String incident = "incident-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(TestJwt.token("rita", TestJwt.RESPONDER, TestJwt.VIEWER))
        .header("X-Correlation-Id", "corr-42")
        .queryParam("incident", incident)
        .post("/api/test/audited-widgets")
        .then()
        .statusCode(204)
        .header("X-Correlation-Id", "corr-42");

    JsonPath entry = new JsonPath(entries(incident).get(0));
    assertThat(entry.getString("actor.type")).isEqualTo("PRINCIPAL");
    assertThat(entry.getString("actor.name")).isEqualTo("rita");
    assertThat(entry.getString("actor.roles")).isEqualTo("responder,viewer");
    assertThat(entry.getString("correlationId")).isEqualTo("corr-42");
    assertThat(entry.getString("kind")).isEqualTo("run");
    assertThat(entry.getString("after.webhookSecret")).isEqualTo("[redacted]");
    assertThat(entry.getString("hash")).hasSize(64);
  }

  @Test
  void consumedEventIsTheCorrelationIdAndTheServiceTheActor() {
    String incident = "incident-" + UUID.randomUUID();
    String eventId = UUID.randomUUID().toString();
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(
          WidgetService.TOPIC,
          "k",
          "{\"schemaVersion\":1,\"eventId\":\""
              + eventId
              + "\",\"runId\":\"r-9\",\"incidentId\":\""
              + incident
              + "\",\"kind\":\"WIDGET_CREATED\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}");
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> !entries(incident).isEmpty());

    JsonPath entry = new JsonPath(entries(incident).get(0));
    assertThat(entry.getString("actor.type")).isEqualTo("SERVICE");
    assertThat(entry.getString("actor.name")).isEqualTo("commons-test");
    assertThat(entry.getString("correlationId")).isEqualTo(eventId);
  }

  @Test
  void serviceDataSourceCannotUpdateDeleteOrTruncateEntries() throws SQLException {
    widgets.create("incident-" + UUID.randomUUID(), 1, false);
    for (String change :
        List.of(
            "update audit_entry set reason = 'edited'",
            "delete from audit_entry",
            "truncate audit_entry")) {
      try (Connection connection = serviceDataSource.getConnection();
          Statement statement = connection.createStatement()) {
        assertThatThrownBy(() -> statement.execute(change))
            .as(change)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
      }
    }
    assertChainIntact();
  }

  @Test
  void verifyNamesAnEntryEditedBehindTheGuard() throws SQLException {
    String incident = "incident-" + UUID.randomUUID();
    widgets.create(incident, 3, false);
    JsonPath middle = new JsonPath(entries(incident).get(1));
    long seq = middle.getLong("seq");
    String result = middle.getString("result");

    bypassGuard("update audit_entry set result = 'FAILED' where seq = " + seq);
    try {
      given()
          .auth()
          .oauth2(viewer())
          .get("/api/v1/audit/verify")
          .then()
          .statusCode(200)
          .body("ok", equalTo(false))
          .body("broken.seq", equalTo((int) seq))
          .body("broken.id", equalTo(middle.getString("id")))
          .body("broken.reason", org.hamcrest.Matchers.containsString("changed"));
    } finally {
      bypassGuard("update audit_entry set result = '" + result + "' where seq = " + seq);
    }
    assertChainIntact();
  }

  @Test
  void verifyNoticesEntriesRemovedFromTheEnd() throws SQLException {
    widgets.create("incident-" + UUID.randomUUID(), 1, false);
    long last = OutboxTest.count("select max(seq) from audit_entry");
    String saved = "audit_saved_" + System.nanoTime();
    bypassGuard("create table " + saved + " as select * from audit_entry where seq = " + last);
    bypassGuard("delete from audit_entry where seq = " + last);
    try {
      given()
          .auth()
          .oauth2(viewer())
          .get("/api/v1/audit/verify")
          .then()
          .statusCode(200)
          .body("ok", equalTo(false))
          .body("broken.seq", equalTo((int) last));
    } finally {
      bypassGuard("insert into audit_entry select * from " + saved);
      bypassGuard("drop table " + saved);
    }
    assertChainIntact();
  }

  @Test
  void listFiltersAndPages() {
    String incident = "incident-" + UUID.randomUUID();
    widgets.create(incident, 5, false);

    JsonPath first =
        given()
            .auth()
            .oauth2(viewer())
            .queryParam("incident", incident)
            .queryParam("limit", 3)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(first.getList("items")).hasSize(3);
    JsonPath second =
        given()
            .auth()
            .oauth2(viewer())
            .queryParam("incident", incident)
            .queryParam("cursor", first.getString("next"))
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(second.getList("items")).hasSize(2);
    assertThat(second.getString("next")).isNull();

    String upn = second.getString("items[0].accountUpn").toUpperCase();
    given()
        .auth()
        .oauth2(viewer())
        .queryParam("account", upn)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("items.incidentId", hasItem(incident))
        .body("items.size()", equalTo(1));
    given()
        .auth()
        .oauth2(viewer())
        .queryParam("incident", incident)
        .queryParam("from", "2999-01-01T00:00:00Z")
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void badParametersAreProblemsNamingTheField() {
    for (String[] bad :
        new String[][] {
          {"from", "yesterday"},
          {"to", "2026-13-01"},
          {"limit", "0"},
          {"limit", "abc"},
          {"cursor", "***"},
          {"cursor", "Z2FyYmFnZQ"}
        }) {
      given()
          .auth()
          .oauth2(viewer())
          .queryParam(bad[0], bad[1])
          .get("/api/v1/audit")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(bad[0]));
    }
    given()
        .auth()
        .oauth2(viewer())
        .queryParam("from", "2026-02-01T00:00:00Z")
        .queryParam("to", "2026-01-01T00:00:00Z")
        .get("/api/v1/audit")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("to"));
  }

  @Test
  void onlyAdminsAndViewersReadTheLog() {
    given()
        .auth()
        .oauth2(TestJwt.token("rita", TestJwt.RESPONDER))
        .get("/api/v1/audit")
        .then()
        .statusCode(403);
    given().get("/api/v1/audit/verify").then().statusCode(401);
    given()
        .auth()
        .oauth2(TestJwt.token("ada", TestJwt.ADMIN))
        .get("/api/v1/audit/verify")
        .then()
        .statusCode(200);
  }

  static String viewer() {
    return TestJwt.token("vera", TestJwt.VIEWER);
  }

  static List<String> entries(String incident) {
    return given()
        .auth()
        .oauth2(viewer())
        .queryParam("incident", incident)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .stream()
        .map(item -> new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(item).toString())
        .toList();
  }

  static void assertChainIntact() {
    given()
        .auth()
        .oauth2(viewer())
        .get("/api/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(true));
  }

  /** As the database superuser with triggers off: what an attacker with the keys could do. */
  static void bypassGuard(String sql) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("set session_replication_role = replica");
      statement.execute(sql);
    }
  }
}
