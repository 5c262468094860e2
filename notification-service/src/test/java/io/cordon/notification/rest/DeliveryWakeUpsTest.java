package io.cordon.notification.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.cordon.notification.rest.Notices.awaitSettled;
import static io.cordon.notification.rest.Notices.partner;
import static io.cordon.notification.rest.Notices.publish;
import static io.cordon.notification.rest.Notices.unique;
import static io.cordon.notification.rest.Notices.webhookDelivery;
import static io.cordon.notification.rest.Partners.createdId;
import static io.cordon.notification.rest.Partners.newSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import io.cordon.contracts.events.GroupRef;
import io.cordon.notification.support.GreenMailResource;
import io.cordon.notification.support.InjectPartnerEndpoint;
import io.cordon.notification.support.PartnerEndpointResource;
import io.cordon.notification.support.StandardWebhooksMatcher;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The poller looks for deliveries right after the commit that made them due, and again when an
 * attempt frees a thread: here the poll is an hour away and there is one attempt thread, so two
 * partners of one incident are only both served in time through those two wake-ups.
 */
@QuarkusTest
@TestProfile(DeliveryWakeUpsTest.HourLongPollOneThread.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(PartnerEndpointResource.class)
@QuarkusTestResource(GreenMailResource.class)
class DeliveryWakeUpsTest {
  @InjectPartnerEndpoint WireMockServer endpoint;

  @Test
  void deliveriesStartAfterTheirCommitAndEachAsSoonAsAThreadIsFree() {
    Notices.Incident incident = new Notices.Incident();
    GroupRef group = incident.group(unique("Wake-up Team"));
    incident.account(unique("a") + "@" + unique("jaxa") + ".example", group);
    String first = partnerOf(group);
    String second = partnerOf(group);

    publish(incident.request());

    JsonPath notices = awaitSettled(incident.id, 2);
    assertThat(webhookDelivery(notices, first, 1).get("status")).isEqualTo("DELIVERED");
    assertThat(webhookDelivery(notices, second, 1).get("status")).isEqualTo("DELIVERED");
  }

  /** A partner scoped to the group whose endpoint accepts its correctly signed notices. */
  private String partnerOf(GroupRef group) {
    String secret = newSecret();
    String path = "/hooks/" + unique("wake-up");
    endpoint.stubFor(
        post(urlEqualTo(path))
            .andMatching(StandardWebhooksMatcher.NAME, Parameters.one("secret", secret))
            .willReturn(aResponse().withStatus(200)));
    return createdId(
        partner(
            unique("Woken"),
            "https://localhost:" + endpoint.httpsPort() + path,
            secret,
            List.of(),
            List.of(group.id()),
            List.of(),
            List.of(),
            "summary"));
  }

  public static class HourLongPollOneThread implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "cordon.notification.allow-private-targets", "true",
          "cordon.notification.delivery.poll-interval", "1h",
          "cordon.notification.delivery.concurrency", "1");
    }
  }
}
