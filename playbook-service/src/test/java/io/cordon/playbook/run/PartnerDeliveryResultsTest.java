package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cordon.contracts.Topics;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.NotificationResult;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * notification-service's delivery outcomes (cordon.notification-results) come back to the run whose
 * notify step asked for the notices: per partner and channel the latest state, each event once, an
 * older result never over a newer one, and results of notices this service never asked for left
 * out.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class PartnerDeliveryResultsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String WEBHOOK = NotificationResult.WEBHOOK;

  @Test
  void theRunShowsWhatEachPartnerGotOfItsNotice() {
    Runs.putPlaybook(
        """
        name: test-notify-deliveries
        steps:
          - id: notify
            action: NOTIFY_PARTNERS
            scope: run
        """);
    String prefix = "deliveries-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String incident = "INC-" + prefix;
    String runId =
        Runs.start("test-notify-deliveries", incident, List.of(Accounts.account(prefix, 1)));
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "SUCCEEDED".equals(Runs.state(runId)));

    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      NotificationRequested request = requestOf(kafka, runId);
      String notificationId = request.notificationId();
      // partners limited to tenants are matched on each account's tenant
      assertThat(request.affectedAccounts())
          .extracting(AffectedAccount::tenantId)
          .containsExactly(Accounts.TENANT);
      Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

      NotificationDelivered deliveredA =
          delivered(notificationId, incident, "partner-a", 1, t0.plusSeconds(1));
      NotificationFailed failedB =
          failed(
              notificationId, incident, "partner-b", 3, "HTTP 503 three times", t0.plusSeconds(2));
      send(kafka, incident, deliveredA);
      send(kafka, incident, failedB);
      awaitPartners(runId, 2);

      JsonPath first = deliveries(runId);
      assertThat(first.getList("items.partnerId")).containsExactly("partner-a", "partner-b");
      Map<String, Object> a = partner(first, "partner-a");
      assertThat(a)
          .containsEntry("channel", WEBHOOK)
          .containsEntry("state", "DELIVERED")
          .containsEntry("attempts", 1)
          .containsEntry("stepId", "notify")
          .containsEntry("notificationId", notificationId)
          .doesNotContainKey("reason");
      assertThat(Instant.parse((String) a.get("at"))).isEqualTo(t0.plusSeconds(1));
      Map<String, Object> b = partner(first, "partner-b");
      assertThat(b)
          .containsEntry("state", "FAILED")
          .containsEntry("attempts", 3)
          .containsEntry("reason", "HTTP 503 three times");
      assertThat(Instant.parse((String) b.get("at"))).isEqualTo(t0.plusSeconds(2));

      // the same event again, even altered, counts once: A stays as first recorded
      send(kafka, incident, deliveredA);
      send(
          kafka,
          incident,
          new NotificationDelivered(
              NotificationDelivered.SCHEMA_VERSION,
              deliveredA.eventId(),
              notificationId,
              incident,
              "partner-a",
              WEBHOOK,
              7,
              t0.plusSeconds(60)));
      // B is redelivered by hand and gets it; then the failure of an attempt before that arrives
      // late (a republished result): the later delivery stands
      send(
          kafka, incident, delivered(notificationId, incident, "partner-b", 4, t0.plusSeconds(30)));
      send(
          kafka,
          incident,
          failed(notificationId, incident, "partner-b", 2, "HTTP 503 twice", t0.plusSeconds(10)));
      // a result of a notice no run of this service asked for is left out
      String foreign = EventIds.derived("someone-else", prefix);
      send(kafka, incident, delivered(foreign, incident, "partner-x", 1, t0.plusSeconds(3)));
      // same key, same partition: once partner C shows, everything before it was consumed
      send(kafka, incident, delivered(notificationId, incident, "partner-c", 1, t0.plusSeconds(4)));
      awaitPartners(runId, 3);

      // the run's closing request is the same step's: a follow-up it brought shows under the step
      send(
          kafka,
          incident,
          delivered(notificationId + ":closing", incident, "partner-a", 1, t0.plusSeconds(5)));
      awaitPartners(runId, 4);
      assertThat(
              deliveries(runId)
                  .getList(
                      "items.findAll { it.notificationId.endsWith(':closing') }.stepId",
                      String.class))
          .containsExactly("notify");

      JsonPath later = deliveries(runId);
      assertThat(later.getList("items.partnerId"))
          .containsExactly("partner-a", "partner-b", "partner-c", "partner-a");
      assertThat(partner(later, "partner-a"))
          .containsEntry("state", "DELIVERED")
          .containsEntry("attempts", 1)
          .containsEntry("at", a.get("at"));
      Map<String, Object> bLater = partner(later, "partner-b");
      assertThat(bLater)
          .containsEntry("state", "DELIVERED")
          .containsEntry("attempts", 4)
          .doesNotContainKey("reason");
      assertThat(Instant.parse((String) bLater.get("at"))).isEqualTo(t0.plusSeconds(30));
      assertThat(
              Runs.queryLong(
                  "select count(*) from partner_delivery where notification_id = ?", foreign))
          .isZero();
      assertThat(
              Runs.queryLong(
                  "select count(*) from processed_event where event_id = ?", deliveredA.eventId()))
          .isEqualTo(1);

      // paged like every collection
      JsonPath page =
          Runs.asViewer()
              .queryParam("limit", 2)
              .get("/api/v1/runs/" + runId + "/partner-deliveries")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(page.getList("items.partnerId")).containsExactly("partner-a", "partner-b");
      Runs.asViewer()
          .queryParam("cursor", page.getString("next"))
          .get("/api/v1/runs/" + runId + "/partner-deliveries")
          .then()
          .statusCode(200)
          .body("items.partnerId", equalTo(List.of("partner-c", "partner-a")))
          .body("next", equalTo(null));
    }

    Runs.asViewer()
        .get("/api/v1/runs/no-such-run/partner-deliveries")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  static NotificationRequested requestOf(KafkaTestClient kafka, String runId) {
    return kafka
        .awaitMatching(
            Topics.PARTNER_NOTIFICATIONS,
            record -> record.value().contains(runId),
            Duration.ofSeconds(30))
        .stream()
        .map(record -> EventJson.read(record.value(), NotificationRequested.class))
        .filter(request -> request.runSummary().runId().equals(runId))
        .filter(request -> !request.notificationId().endsWith(":closing"))
        .findFirst()
        .orElseThrow();
  }

  private static NotificationDelivered delivered(
      String notificationId, String incident, String partner, int attempts, Instant at) {
    return new NotificationDelivered(
        NotificationDelivered.SCHEMA_VERSION,
        EventIds.random(),
        notificationId,
        incident,
        partner,
        WEBHOOK,
        attempts,
        at);
  }

  private static NotificationFailed failed(
      String notificationId,
      String incident,
      String partner,
      int attempts,
      String reason,
      Instant at) {
    return new NotificationFailed(
        NotificationFailed.SCHEMA_VERSION,
        EventIds.random(),
        notificationId,
        incident,
        partner,
        WEBHOOK,
        attempts,
        reason,
        at);
  }

  private static void send(KafkaTestClient kafka, String incident, NotificationResult result) {
    kafka.send(Topics.NOTIFICATION_RESULTS, incident, EventJson.write(result));
  }

  private static JsonPath deliveries(String runId) {
    return Runs.asViewer()
        .get("/api/v1/runs/" + runId + "/partner-deliveries")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void awaitPartners(String runId, int count) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> deliveries(runId).getList("items").size() == count);
  }

  private static Map<String, Object> partner(JsonPath page, String partnerId) {
    return page.getMap("items.find { it.partnerId == '" + partnerId + "' }");
  }
}
