package io.cordon.notification.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.cordon.notification.rest.Notices.awaitResults;
import static io.cordon.notification.rest.Notices.awaitSettled;
import static io.cordon.notification.rest.Notices.partner;
import static io.cordon.notification.rest.Notices.unique;
import static io.cordon.notification.rest.Notices.webhookDelivery;
import static io.cordon.notification.rest.Partners.createdId;
import static io.cordon.notification.rest.Partners.newSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cordon.notification.support.GreenMailResource;
import io.cordon.notification.support.InjectPartnerEndpoint;
import io.cordon.notification.support.PartnerEndpointResource;
import io.cordon.notification.support.StandardWebhooksMatcher;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 item 5: delivery survives restarts. The rows a previous instance left behind (written
 * here straight into PostgreSQL, as that instance would have) are picked up by this one: a retry
 * that came due while no instance ran, and an attempt a crashed instance had claimed.
 */
@QuarkusTest
@TestProfile(AllowPrivateTargetsProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(PartnerEndpointResource.class)
@QuarkusTestResource(GreenMailResource.class)
class DeliveryResumeTest {
  private static final String BODY_TEMPLATE =
      "{\"type\":\"cordon.partner-notice.v1\",\"timestamp\":\"2024-01-10T09:00:00Z\","
          + "\"data\":{\"noticeId\":\"%s\",\"sequence\":%d,\"tlp\":\"TLP:AMBER\"}}";

  @InjectPartnerEndpoint WireMockServer endpoint;

  @Test
  void aRestartedServiceResumesEveryScheduleWhereItStood() throws SQLException {
    String secret = newSecret();
    String path = "/hooks/" + unique("resumed");
    endpoint.stubFor(
        post(urlEqualTo(path))
            .andMatching(StandardWebhooksMatcher.NAME, Parameters.one("secret", secret))
            .willReturn(aResponse().withStatus(200)));
    String partnerName = unique("Resumed");
    UUID partnerId =
        UUID.fromString(
            createdId(
                partner(
                    partnerName,
                    "https://localhost:" + endpoint.httpsPort() + path,
                    secret,
                    List.of(),
                    List.of(UUID.randomUUID().toString()),
                    List.of(),
                    List.of(),
                    "summary")));
    String incident = unique("INC");
    Instant now = Instant.now();
    UUID first = UUID.randomUUID();
    UUID followUp = UUID.randomUUID();
    UUID retryDue = UUID.randomUUID();
    UUID claimedByDeadInstance = UUID.randomUUID();
    Instant leaseEnds = now.plusSeconds(3);
    try (Connection db = EmbeddedPostgresResource.dataSource().getConnection()) {
      // the old instance made two attempts (503 each); the third came due while it was down
      notice(db, first, partnerId, partnerName, incident, 1, null, now.minusSeconds(60));
      delivery(db, retryDue, first, 2, now.minusSeconds(1), UUID.randomUUID());
      attempt(db, retryDue, 1, path, now.minusSeconds(60), now.minusSeconds(55));
      attempt(db, retryDue, 2, path, now.minusSeconds(55), now.minusSeconds(1));
      // it had claimed the follow-up's first attempt when it died; the claim lease still runs
      notice(db, followUp, partnerId, partnerName, incident, 2, first, now.minusSeconds(5));
      delivery(db, claimedByDeadInstance, followUp, 0, leaseEnds, UUID.randomUUID());
    }

    JsonPath notices = awaitSettled(incident, 2);

    Map<String, Object> resumed = webhookDelivery(notices, partnerId.toString(), 1);
    assertThat(resumed.get("status")).isEqualTo("DELIVERED");
    assertThat(resumed.get("attemptCount")).isEqualTo(3);
    assertThat(notices.getList("items[0].deliveries[0].attempts.number", Integer.class))
        .containsExactly(1, 2, 3);
    assertThat(notices.getList("items[0].deliveries[0].attempts.outcome", String.class))
        .containsExactly("RETRYABLE", "RETRYABLE", "DELIVERED");

    Map<String, Object> takenOver = webhookDelivery(notices, partnerId.toString(), 2);
    assertThat(takenOver.get("status")).isEqualTo("DELIVERED");
    assertThat(takenOver.get("attemptCount")).isEqualTo(1);
    Instant takenOverAt =
        Instant.parse(notices.getString("items[1].deliveries[0].attempts[0].startedAt"));
    // not before the dead instance's lease ran out: instances never attempt the same claim
    assertThat(takenOverAt).isAfterOrEqualTo(leaseEnds.minusMillis(5));

    List<LoggedRequest> received = endpoint.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(received).hasSize(2);
    assertThat(received)
        .extracting(r -> r.getHeader("webhook-id"))
        // a loaded machine may find both due in one poll and send them side by side
        .containsExactlyInAnyOrder(webhookId(first), webhookId(followUp));
    assertThat(received)
        .filteredOn(r -> webhookId(first).equals(r.getHeader("webhook-id")))
        .singleElement()
        .satisfies(r -> assertThat(r.getBodyAsString()).isEqualTo(body(first, 1)));
    assertThat(received).allMatch(r -> StandardWebhooksMatcher.verifies(r, secret));
    assertThat(awaitResults(partnerId.toString(), 2))
        .extracting(r -> r.event().getInt("attempts"))
        .containsExactlyInAnyOrder(3, 1);
  }

  private static void notice(
      Connection db,
      UUID id,
      UUID partnerId,
      String partnerName,
      String incident,
      int sequence,
      UUID followUpOf,
      Instant createdAt)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into notice (id, partner_id, partner_name, incident_id, notification_id,"
                + " request_event_id, sequence, follow_up_of, webhook_id, disclosure, tlp, body,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUMMARY', 'AMBER', ?, ?)")) {
      insert.setObject(1, id);
      insert.setObject(2, partnerId);
      insert.setString(3, partnerName);
      insert.setString(4, incident);
      insert.setString(5, UUID.randomUUID().toString());
      insert.setString(6, UUID.randomUUID().toString());
      insert.setInt(7, sequence);
      insert.setObject(8, followUpOf);
      insert.setString(9, webhookId(id));
      insert.setString(10, body(id, sequence));
      insert.setTimestamp(11, Timestamp.from(createdAt));
      insert.executeUpdate();
    }
  }

  private static void delivery(
      Connection db, UUID id, UUID noticeId, int attempts, Instant nextAttemptAt, UUID claim)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into delivery (id, notice_id, channel, recipient, status, attempts,"
                + " schedule_step, next_attempt_at, claim_token, created_at, updated_at)"
                + " values (?, ?, 'WEBHOOK', '', 'PENDING', ?, ?, ?, ?, now(), now())")) {
      insert.setObject(1, id);
      insert.setObject(2, noticeId);
      insert.setInt(3, attempts);
      insert.setInt(4, attempts);
      insert.setTimestamp(5, Timestamp.from(nextAttemptAt));
      insert.setObject(6, claim);
      insert.executeUpdate();
    }
  }

  private static void attempt(
      Connection db, UUID deliveryId, int number, String path, Instant at, Instant next)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into delivery_attempt (delivery_id, number, target, started_at, latency_ms,"
                + " outcome, status_code, error, next_attempt_at)"
                + " values (?, ?, ?, ?, 12, 'RETRYABLE', 503, 'HTTP 503', ?)")) {
      insert.setObject(1, deliveryId);
      insert.setInt(2, number);
      insert.setString(3, "https://localhost" + path);
      insert.setTimestamp(4, Timestamp.from(at));
      insert.setTimestamp(5, Timestamp.from(next));
      insert.executeUpdate();
    }
  }

  private static String webhookId(UUID noticeId) {
    return "msg_" + noticeId.toString().replace("-", "");
  }

  private static String body(UUID noticeId, int sequence) {
    return String.format(BODY_TEMPLATE, noticeId, sequence);
  }
}
