package io.cordon.notification.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.cordon.notification.rest.Notices.PATH;
import static io.cordon.notification.rest.Notices.awaitResults;
import static io.cordon.notification.rest.Notices.awaitSettled;
import static io.cordon.notification.rest.Notices.partner;
import static io.cordon.notification.rest.Notices.publish;
import static io.cordon.notification.rest.Notices.unique;
import static io.cordon.notification.rest.Partners.VIEWER;
import static io.cordon.notification.rest.Partners.as;
import static io.cordon.notification.rest.Partners.createdId;
import static io.cordon.notification.rest.Partners.newSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.GroupRef;
import io.cordon.notification.support.GreenMailResource;
import io.cordon.notification.support.InjectPartnerEndpoint;
import io.cordon.notification.support.PartnerEndpointResource;
import io.cordon.notification.support.StandardWebhooksMatcher;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §4 for delivery: signing secrets are opened to sign and nowhere else. After deliveries
 * that succeed, are refused and cannot connect, no form of any secret is in an API answer, a table,
 * a topic or the log.
 */
@QuarkusTest
@TestProfile(AllowPrivateTargetsProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(PartnerEndpointResource.class)
@QuarkusTestResource(GreenMailResource.class)
class DeliverySecretsTest {
  private static final Path LOG_FILE = Path.of("target/notification-service-test.log");

  @InjectPartnerEndpoint WireMockServer endpoint;

  @Test
  void noSecretLeavesTheSigner() throws Exception {
    Notices.Incident incident = new Notices.Incident();
    GroupRef group = incident.group(unique("Project H3 Team"));
    incident.account(unique("a") + "@" + unique("jaxa") + ".example", group);
    String accepted = newSecret();
    String refused = newSecret();
    String unreachable = newSecret();
    String base = "https://localhost:" + endpoint.httpsPort();
    String acceptedPath = "/hooks/" + unique("accepted");
    String refusedPath = "/hooks/" + unique("refused");
    endpoint.stubFor(
        post(urlEqualTo(acceptedPath))
            .andMatching(StandardWebhooksMatcher.NAME, Parameters.one("secret", accepted))
            .willReturn(aResponse().withStatus(200)));
    // this receiver knows another secret: our signature fails and the catch-all answers 401
    endpoint.stubFor(
        post(urlEqualTo(refusedPath))
            .andMatching(StandardWebhooksMatcher.NAME, Parameters.one("secret", newSecret()))
            .willReturn(aResponse().withStatus(200)));
    List<String> partnerIds = new ArrayList<>();
    for (String[] hook :
        List.of(
            new String[] {base + acceptedPath, accepted},
            new String[] {base + refusedPath, refused},
            new String[] {"https://localhost:1/hooks/nobody-listens", unreachable})) {
      partnerIds.add(
          createdId(
              partner(
                  unique("Secretive"),
                  hook[0],
                  hook[1],
                  List.of(unique("soc") + "@partners.test"),
                  List.of(group.id()),
                  List.of(),
                  List.of(),
                  "accounts")));
    }

    List<String> logged = new ArrayList<>();
    Handler capture = new SecretTraces.CapturingHandler(logged);
    Logger cordon = Logger.getLogger("io.cordon");
    Level level = cordon.getLevel();
    cordon.setLevel(Level.FINE);
    Logger.getLogger("").addHandler(capture);
    JsonPath notices;
    try {
      publish(incident.request());
      notices = awaitSettled(incident.id, 3);
      partnerIds.forEach(id -> awaitResults(id, 2));
    } finally {
      Logger.getLogger("").removeHandler(capture);
      cordon.setLevel(level);
    }

    assertThat(notices.getList("items.deliveries.flatten().status", String.class))
        .containsExactlyInAnyOrder(
            "DELIVERED", "FAILED", "FAILED", "DELIVERED", "DELIVERED", "DELIVERED");
    assertThat(logged).anyMatch(line -> line.contains("delivered after"));
    List<String> texts = new ArrayList<>();
    texts.add(as(VIEWER).queryParam("incident", incident.id).get(PATH).asString());
    // the audit log records each notice and attempt, and is searched like everything else
    String audit = as(VIEWER).queryParam("incident", incident.id).get("/api/v1/audit").asString();
    assertThat(audit).contains("notice.opened", "delivery.attempted");
    texts.add(audit);
    texts.add(as(VIEWER).queryParam("limit", 1000).get("/api/v1/audit").asString());
    partnerIds.forEach(id -> texts.add(as(VIEWER).get(Partners.PATH + "/" + id).asString()));
    texts.add(String.join("\n", logged));
    texts.add(Files.readString(LOG_FILE));
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      for (String topic : List.of(Topics.NOTIFICATION_RESULTS, Topics.PARTNER_NOTIFICATIONS)) {
        kafka.readAll(topic).forEach(record -> texts.add(record.value()));
      }
    }
    for (String secret : List.of(accepted, refused, unreachable)) {
      for (String text : texts) {
        assertThat(text).doesNotContain(SecretTraces.forms(secret));
      }
      SecretTraces.assertDatabaseHoldsNoTraceOf(secret);
    }
  }
}
