package io.cordon.notification.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.cordon.notification.rest.Notices.awaitSettled;
import static io.cordon.notification.rest.Notices.partner;
import static io.cordon.notification.rest.Notices.publish;
import static io.cordon.notification.rest.Notices.unique;
import static io.cordon.notification.rest.Partners.createdId;
import static io.cordon.notification.rest.Partners.newSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.RunState;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.OpenedNotice;
import io.cordon.contracts.json.EventJson;
import io.cordon.notification.support.GreenMailResource;
import io.cordon.notification.support.InjectPartnerEndpoint;
import io.cordon.notification.support.PartnerEndpointResource;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every notification request is answered once on cordon.notification-results with the partners and
 * channels it opened notices on, so a requester knows how many results to wait for; none at all
 * when no partner gets anything.
 */
@QuarkusTest
@TestProfile(AllowPrivateTargetsProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(PartnerEndpointResource.class)
@QuarkusTestResource(GreenMailResource.class)
class NoticesOpenedTest {

  @InjectPartnerEndpoint WireMockServer endpoint;

  @Test
  void eachRequestTellsWhichPartnersAndChannelsItOpenedNoticesOn() {
    Notices.Incident incident = new Notices.Incident();
    String domain = unique("kawasaki") + ".example";
    incident.account(unique("a") + "@" + domain);
    String path = "/hooks/" + unique("opened");
    String secret = newSecret();
    endpoint.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
    String bothName = unique("Webhook and mail");
    String both =
        createdId(
            partner(
                bothName,
                "https://localhost:" + endpoint.httpsPort() + path,
                secret,
                // two contacts: email still counts once, as the results do
                List.of(unique("soc") + "@partner.test", unique("cert") + "@partner.test"),
                List.of(),
                List.of(domain),
                List.of(),
                "summary"));
    String mailName = unique("Mail only");
    String mailOnly =
        createdId(
            partner(
                mailName,
                null,
                null,
                List.of(unique("soc") + "@partner.test"),
                List.of(),
                List.of(domain),
                List.of(),
                "summary"));
    createdId(
        partner(
            unique("Unrelated"),
            null,
            null,
            List.of(unique("soc") + "@partner.test"),
            List.of(),
            List.of(unique("elsewhere") + ".example"),
            List.of(),
            "summary"));

    // containment known, so a later request telling the same is nothing new for the partners
    incident.contained("IN_PROGRESS", null);
    NotificationRequested request = incident.request(RunState.RUNNING);
    publish(request);
    awaitSettled(incident.id, 2);
    // the same event again (a redelivery) opens nothing and announces nothing
    publish(request);

    NoticesOpened opened = awaitOpened(request.notificationId());
    assertThat(opened.incidentId()).isEqualTo(incident.id);
    assertThat(opened.notices())
        .containsExactlyInAnyOrder(
            new OpenedNotice(both, bothName, "webhook"),
            new OpenedNotice(both, bothName, "email"),
            new OpenedNotice(mailOnly, mailName, "email"));

    // another request telling nothing new: answered, with no notice to wait for
    NotificationRequested again = incident.request(RunState.RUNNING);
    publish(again);
    assertThat(awaitOpened(again.notificationId()).notices()).isEmpty();
    assertThat(openedFor(request.notificationId())).hasSize(1);

    // a request no partner's scopes meet
    Notices.Incident untouched = new Notices.Incident();
    untouched.account(unique("b") + "@" + unique("nobody") + ".example");
    NotificationRequested nobody = untouched.request();
    publish(nobody);
    assertThat(awaitOpened(nobody.notificationId()).notices()).isEmpty();
  }

  private static NoticesOpened awaitOpened(String notificationId) {
    await()
        .atMost(Notices.WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !openedFor(notificationId).isEmpty());
    return openedFor(notificationId).get(0);
  }

  private static List<NoticesOpened> openedFor(String notificationId) {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      return kafka.readAll(Topics.NOTIFICATION_RESULTS).stream()
          .filter(record -> record.value().contains("\"openedAt\""))
          .map(record -> EventJson.read(record.value(), NoticesOpened.class))
          .filter(event -> event.notificationId().equals(notificationId))
          .toList();
    }
  }
}
