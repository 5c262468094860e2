package io.cordon.notification.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.cordon.notification.rest.Notices.PATH;
import static io.cordon.notification.rest.Notices.RESPONDER;
import static io.cordon.notification.rest.Notices.awaitNotices;
import static io.cordon.notification.rest.Notices.awaitResults;
import static io.cordon.notification.rest.Notices.awaitSettled;
import static io.cordon.notification.rest.Notices.partner;
import static io.cordon.notification.rest.Notices.publish;
import static io.cordon.notification.rest.Notices.results;
import static io.cordon.notification.rest.Notices.unique;
import static io.cordon.notification.rest.Notices.webhookDelivery;
import static io.cordon.notification.rest.Partners.VIEWER;
import static io.cordon.notification.rest.Partners.as;
import static io.cordon.notification.rest.Partners.createdId;
import static io.cordon.notification.rest.Partners.newSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cordon.contracts.events.GroupRef;
import io.cordon.notification.repository.PartnerRepository;
import io.cordon.notification.service.WebhookSecrets;
import io.cordon.notification.support.GreenMailResource;
import io.cordon.notification.support.InjectPartnerEndpoint;
import io.cordon.notification.support.PartnerEndpointResource;
import io.cordon.notification.support.StandardWebhooksMatcher;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 items 3 and 5: signed webhooks with retries, Retry-After, 410 and permanent failures,
 * every attempt recorded and every final outcome published. WireMock answers only requests the
 * Standard Webhooks library verifies; anything else gets 401 and would fail the delivery.
 */
@QuarkusTest
@TestProfile(AllowPrivateTargetsProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(PartnerEndpointResource.class)
@QuarkusTestResource(GreenMailResource.class)
class WebhookDeliveryTest {
  @InjectPartnerEndpoint WireMockServer endpoint;
  @Inject PartnerRepository partners;
  @Inject WebhookSecrets webhookSecrets;
  @Inject io.micrometer.core.instrument.MeterRegistry meters;

  @Test
  void failingTwiceThenSucceedingIsOneDeliveryWithThreeAttempts() {
    Fixture fixture = new Fixture();
    fixture.answer(STARTED, "second", aResponse().withStatus(503));
    fixture.answer("second", "third", aResponse().withStatus(500));
    fixture.answer("third", "done", aResponse().withStatus(200));

    publish(fixture.incident.request());

    JsonPath notices = awaitSettled(fixture.incident.id, 1);
    Map<String, Object> delivery = webhookDelivery(notices, fixture.partnerId, 1);
    assertThat(delivery.get("status")).isEqualTo("DELIVERED");
    assertThat(delivery.get("attemptCount")).isEqualTo(3);
    assertThat(notices.getList("items[0].deliveries.attempts.flatten().outcome", String.class))
        .containsExactly("RETRYABLE", "RETRYABLE", "DELIVERED");
    assertThat(notices.getList("items[0].deliveries.attempts.flatten().statusCode", Integer.class))
        .containsExactly(503, 500, 200);
    assertThat(notices.getList("items[0].deliveries.attempts.flatten().number", Integer.class))
        .containsExactly(1, 2, 3);
    assertThat(notices.getList("items[0].deliveries.attempts.flatten().latencyMs", Long.class))
        .allMatch(latency -> latency >= 0);

    List<LoggedRequest> received = fixture.received();
    assertThat(received).hasSize(3);
    // the receiver's dedupe key and the signed bytes stay the same; only the timestamp moves
    assertThat(received)
        .extracting(r -> r.getHeader("webhook-id"))
        .containsOnly(fixture.webhookId(notices));
    assertThat(received)
        .extracting(LoggedRequest::getBodyAsString)
        .containsOnly(received.get(0).getBodyAsString());
    assertThat(received).allMatch(r -> StandardWebhooksMatcher.verifies(r, fixture.secret));

    List<Notices.Result> results = awaitResults(fixture.partnerId, 1);
    assertThat(results).hasSize(1);
    assertThat(results.get(0).type()).isEqualTo("cordon.notification-delivered.v1");
    assertThat(results.get(0).key()).isEqualTo(fixture.incident.id);
    assertThat(results.get(0).event().getInt("attempts")).isEqualTo(3);
    assertThat(results.get(0).event().getString("channel")).isEqualTo("webhook");
    assertThat(results.get(0).event().getString("incidentId")).isEqualTo(fixture.incident.id);
  }

  @Test
  void attemptsAreCountedByChannelAndOutcome() {
    double retryableBefore = deliveries("webhook", "RETRYABLE");
    double deliveredBefore = deliveries("webhook", "DELIVERED");
    Fixture fixture = new Fixture();
    fixture.answer(STARTED, "second", aResponse().withStatus(503));
    fixture.answer("second", "done", aResponse().withStatus(200));

    publish(fixture.incident.request());
    awaitSettled(fixture.incident.id, 1);

    // at least: other tests' deliveries may finish meanwhile
    assertThat(deliveries("webhook", "RETRYABLE") - retryableBefore).isGreaterThanOrEqualTo(1);
    assertThat(deliveries("webhook", "DELIVERED") - deliveredBefore).isGreaterThanOrEqualTo(1);
  }

  private double deliveries(String channel, String outcome) {
    io.micrometer.core.instrument.Counter counter =
        meters
            .find("cordon.notices.deliveries")
            .tags("channel", channel, "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void retryAfterOnA429IsHonoured() {
    Fixture fixture = new Fixture();
    fixture.answer(STARTED, "retried", aResponse().withStatus(429).withHeader("Retry-After", "1"));
    fixture.answer("retried", "done", aResponse().withStatus(202));

    publish(fixture.incident.request());

    JsonPath notices = awaitSettled(fixture.incident.id, 1);
    List<Map<String, Object>> attempts = notices.getList("items[0].deliveries[0].attempts");
    assertThat(attempts)
        .extracting(a -> a.get("outcome"))
        .containsExactly("RETRYABLE", "DELIVERED");
    Instant first = Instant.parse((String) attempts.get(0).get("startedAt"));
    Instant second = Instant.parse((String) attempts.get(1).get("startedAt"));
    Instant scheduled = Instant.parse((String) attempts.get(0).get("nextAttemptAt"));
    // the test schedule would retry after ~200 ms; the partner asked for a second
    assertThat(Duration.between(first, scheduled)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(second).isAfterOrEqualTo(scheduled);
  }

  @Test
  void a410DisablesTheEndpointUntilARedeliveryReenablesIt() {
    Fixture fixture = new Fixture();
    fixture.answer(STARTED, STARTED, aResponse().withStatus(410));

    publish(fixture.incident.request());
    JsonPath first = awaitSettled(fixture.incident.id, 1);
    Map<String, Object> gone = webhookDelivery(first, fixture.partnerId, 1);
    assertThat(gone.get("status")).isEqualTo("DISABLED");
    assertThat(gone.get("attemptCount")).isEqualTo(1);
    assertThat(first.getList("items[0].deliveries[0].attempts.outcome", String.class))
        .containsExactly("GONE");
    as(VIEWER)
        .get(Partners.PATH + "/" + fixture.partnerId)
        .then()
        .statusCode(200)
        .body("webhook.disabled.reason", containsString("410 Gone"))
        .body("webhook.disabled.at", org.hamcrest.Matchers.notNullValue());

    // a follow-up finds the endpoint disabled: recorded, published, not sent
    publish(fixture.incident.request());
    JsonPath both = awaitSettled(fixture.incident.id, 2);
    Map<String, Object> notSent = webhookDelivery(both, fixture.partnerId, 2);
    assertThat(notSent.get("status")).isEqualTo("DISABLED");
    assertThat(notSent.get("attemptCount")).isEqualTo(0);
    assertThat((String) notSent.get("finalReason")).contains("disabled");
    assertThat(fixture.received()).hasSize(1);
    assertThat(awaitResults(fixture.partnerId, 2))
        .extracting(Notices.Result::type)
        .containsOnly("cordon.notification-failed.v1");

    // the partner fixed its receiver; a responder sends the follow-up again
    fixture.answer("fixed", "fixed", aResponse().withStatus(200));
    endpoint.setScenarioState(fixture.scenario, "fixed");
    String followUpId = both.getString("items.find { it.sequence == 2 }.id");
    as(RESPONDER)
        .post(PATH + "/" + followUpId + "/redeliver")
        .then()
        .statusCode(202)
        .body("deliveries.find { it.channel == 'webhook' }.status", equalTo("PENDING"))
        .body(
            "deliveries.find { it.channel == 'webhook' }.redeliveredBy",
            equalTo("responder@cordon.test"));

    JsonPath redelivered =
        awaitNotices(
            fixture.incident.id,
            n -> "DELIVERED".equals(webhookDelivery(n, fixture.partnerId, 2).get("status")));
    assertThat(webhookDelivery(redelivered, fixture.partnerId, 2).get("attemptCount")).isEqualTo(1);
    List<LoggedRequest> received = fixture.received();
    assertThat(received).hasSize(2);
    assertThat(received.get(1).getHeader("webhook-id"))
        .isEqualTo(both.getString("items.find { it.sequence == 2 }.webhookId"));
    as(VIEWER)
        .get(Partners.PATH + "/" + fixture.partnerId)
        .then()
        .body("webhook.disabled", nullValue());
    as(RESPONDER)
        .post(PATH + "/" + followUpId + "/redeliver")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:cordon:problem:conflict"));
  }

  @Test
  void anAdminReenablesADisabledEndpointWithANewUrlOrSecretNotWithARename() {
    Fixture fixture = new Fixture();
    fixture.answer(STARTED, STARTED, aResponse().withStatus(410));
    publish(fixture.incident.request());
    awaitSettled(fixture.incident.id, 1);
    Map<String, Object> body = fixture.body(null);

    body.put("name", unique("Renamed"));
    as(Partners.ADMIN)
        .body(body)
        .put(Partners.PATH + "/" + fixture.partnerId)
        .then()
        .statusCode(200);
    as(VIEWER)
        .get(Partners.PATH + "/" + fixture.partnerId)
        .then()
        .body("webhook.disabled.reason", containsString("410"));

    as(Partners.ADMIN)
        .body(fixture.body(newSecret()))
        .put(Partners.PATH + "/" + fixture.partnerId)
        .then()
        .statusCode(200)
        .body("webhook.disabled", nullValue());
  }

  @Test
  void otherClientErrorsFailAfterOneAttempt() throws InterruptedException {
    Fixture fixture = new Fixture();
    fixture.answer(STARTED, STARTED, aResponse().withStatus(422));

    publish(fixture.incident.request());

    JsonPath notices = awaitSettled(fixture.incident.id, 1);
    Map<String, Object> delivery = webhookDelivery(notices, fixture.partnerId, 1);
    assertThat(delivery.get("status")).isEqualTo("FAILED");
    assertThat(delivery.get("attemptCount")).isEqualTo(1);
    assertThat((String) delivery.get("finalReason")).contains("422");
    assertThat(notices.getList("items[0].deliveries[0].attempts.outcome", String.class))
        .containsExactly("PERMANENT");
    JsonPath failed = awaitResults(fixture.partnerId, 1).get(0).event();
    assertThat(failed.getString("reason")).contains("422");
    assertThat(failed.getInt("attempts")).isEqualTo(1);
    Thread.sleep(1500); // longer than the whole test schedule
    assertThat(fixture.received()).hasSize(1);
  }

  @Test
  void retriesStopWhenTheScheduleIsUsedUp() {
    Fixture fixture = new Fixture();
    fixture.answer(STARTED, STARTED, aResponse().withStatus(503));

    publish(fixture.incident.request());

    JsonPath notices = awaitSettled(fixture.incident.id, 1);
    Map<String, Object> delivery = webhookDelivery(notices, fixture.partnerId, 1);
    assertThat(delivery.get("status")).isEqualTo("FAILED");
    // %test schedule: 0s, 200ms, 400ms, 400ms
    assertThat(delivery.get("attemptCount")).isEqualTo(4);
    assertThat((String) delivery.get("finalReason")).contains("gave up after 4", "503");
    assertThat(fixture.received()).hasSize(4);
    JsonPath failed = awaitResults(fixture.partnerId, 1).get(0).event();
    assertThat(failed.getInt("attempts")).isEqualTo(4);
    assertThat(results(fixture.partnerId)).hasSize(1);
  }

  @Test
  void whileASecretRotatesEverySecretVerifies() {
    Fixture fixture = new Fixture();
    String next = newSecret();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var partner = partners.findById(UUID.fromString(fixture.partnerId));
              partner.webhookSecrets.add(webhookSecrets.seal(partner, next));
            });
    // this receiver already checks with the new secret only
    endpoint.stubFor(
        post(urlEqualTo(fixture.path))
            .atPriority(1)
            .andMatching(StandardWebhooksMatcher.NAME, Parameters.one("secret", next))
            .willReturn(aResponse().withStatus(200)));

    publish(fixture.incident.request());

    JsonPath notices = awaitSettled(fixture.incident.id, 1);
    assertThat(webhookDelivery(notices, fixture.partnerId, 1).get("status")).isEqualTo("DELIVERED");
    LoggedRequest request = fixture.received().get(0);
    assertThat(request.getHeader("webhook-signature").split(" ")).hasSize(2);
    assertThat(StandardWebhooksMatcher.verifies(request, fixture.secret)).isTrue();
    assertThat(StandardWebhooksMatcher.verifies(request, next)).isTrue();
  }

  /** A partner scoped to a fresh group, its endpoint path, and an incident in that group. */
  private final class Fixture {
    final String secret = newSecret();
    final String path = "/hooks/" + unique("partner");
    final String scenario = unique("scenario");
    final Notices.Incident incident = new Notices.Incident();
    final String name = unique("Partner");
    final GroupRef group = incident.group(unique("Project H3 Team"));
    final String partnerId;

    Fixture() {
      incident.account(unique("a") + "@" + unique("jaxa") + ".example", group);
      partnerId =
          createdId(
              partner(
                  name,
                  "https://localhost:" + endpoint.httpsPort() + path,
                  secret,
                  List.of(),
                  List.of(group.id()),
                  List.of(),
                  List.of(),
                  "summary"));
    }

    /** In scenario state {@code from}, a correctly signed request gets {@code answer}. */
    void answer(String from, String to, ResponseDefinitionBuilder answer) {
      ScenarioMappingBuilder stub =
          post(urlEqualTo(path))
              .andMatching(StandardWebhooksMatcher.NAME, Parameters.one("secret", secret))
              .inScenario(scenario)
              .whenScenarioStateIs(from)
              .willReturn(answer);
      endpoint.stubFor(from.equals(to) ? stub : stub.willSetStateTo(to));
    }

    List<LoggedRequest> received() {
      return endpoint.findAll(postRequestedFor(urlEqualTo(path)));
    }

    /** The partner as registered, with {@code secret} replacing the stored one unless null. */
    Map<String, Object> body(String newSecret) {
      Map<String, Object> body =
          partner(
              name,
              "https://localhost:" + endpoint.httpsPort() + path,
              newSecret,
              List.of(),
              List.of(group.id()),
              List.of(),
              List.of(),
              "summary");
      if (newSecret == null) {
        ((Map<?, ?>) body.get("webhook")).remove("secret");
      }
      return body;
    }

    String webhookId(JsonPath notices) {
      return notices.getString("items.find { it.partner.id == '" + partnerId + "' }.webhookId");
    }
  }
}
