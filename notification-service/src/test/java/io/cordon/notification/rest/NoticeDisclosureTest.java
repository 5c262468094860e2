package io.cordon.notification.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.cordon.notification.rest.Notices.awaitSettled;
import static io.cordon.notification.rest.Notices.partner;
import static io.cordon.notification.rest.Notices.publish;
import static io.cordon.notification.rest.Notices.unique;
import static io.cordon.notification.rest.Partners.createdId;
import static io.cordon.notification.rest.Partners.newSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.GroupRef;
import io.cordon.notification.support.GreenMailResource;
import io.cordon.notification.support.InjectGreenMail;
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
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 items 3 and 4: what each partner learns, on both channels. A {@code summary} partner
 * never sees an account name; an {@code accounts} partner sees the names in its own scope only; the
 * e-mail reaches a real SMTP server (GreenMail) with the TLP marking in its subject.
 */
@QuarkusTest
@TestProfile(AllowPrivateTargetsProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(PartnerEndpointResource.class)
@QuarkusTestResource(GreenMailResource.class)
class NoticeDisclosureTest {
  @InjectPartnerEndpoint WireMockServer endpoint;
  @InjectGreenMail GreenMail greenMail;

  @Test
  void eachPartnerLearnsOnlyWhatItsDisclosureAndScopeAllow() throws Exception {
    Notices.Incident incident = new Notices.Incident();
    GroupRef project = incident.group(unique("Project H3 Team"));
    String jaxa = unique("jaxa") + ".example";
    AffectedAccount inProject1 = incident.account(unique("hayabusa") + "@" + jaxa, project);
    AffectedAccount inProject2 = incident.account(unique("kibo") + "@" + jaxa, project);
    AffectedAccount outside = incident.account(unique("ibuki") + "@" + jaxa);
    AffectedAccount elsewhere =
        incident.account(unique("mirai") + "@" + unique("toyota") + ".example");
    List<AffectedAccount> everyone = List.of(inProject1, inProject2, outside, elsewhere);

    String mailDomain = unique("partners") + ".test";
    String summaryContact = "soc@summary." + mailDomain;
    String accountsContact = "cert@accounts." + mailDomain;
    Endpoint summaryHook = endpoint("summary");
    Endpoint accountsHook = endpoint("accounts");
    Map<String, Object> summaryPartner =
        partner(
            unique("Summary partner"),
            summaryHook.url,
            summaryHook.secret,
            List.of(summaryContact),
            List.of(project.id()),
            List.of(jaxa),
            List.of(),
            "summary");
    Map<String, Object> accountsPartner =
        partner(
            unique("Accounts partner"),
            accountsHook.url,
            accountsHook.secret,
            List.of(accountsContact),
            List.of(project.id()),
            List.of(),
            List.of(),
            "accounts");
    accountsPartner.put("tlp", "amber+strict");
    createdId(summaryPartner);
    createdId(accountsPartner);

    publish(incident.request());
    JsonPath notices = awaitSettled(incident.id, 2);

    assertThat(notices.getList("items.deliveries.flatten().status", String.class))
        .hasSize(4)
        .containsOnly("DELIVERED");
    String summaryBody = summaryHook.received().getBodyAsString();
    String accountsBody = accountsHook.received().getBodyAsString();
    JsonPath summaryNotice = new JsonPath(summaryBody);
    JsonPath accountsNotice = new JsonPath(accountsBody);

    // summary: counts, scopes, actions, status - and not one name, not even a local part
    assertThat(summaryNotice.getString("data.tlp")).isEqualTo("TLP:AMBER");
    assertThat(summaryNotice.getString("data.disclosure")).isEqualTo("summary");
    assertThat(summaryNotice.getMap("data")).doesNotContainKey("accounts");
    assertThat(summaryNotice.getInt("data.summary.accountsInScope")).isEqualTo(3);
    assertThat(summaryNotice.getInt("data.summary.accountsTotal")).isEqualTo(4);
    assertThat(summaryNotice.getList("data.summary.scopes.type", String.class))
        .containsExactly("group", "domain");
    assertThat(summaryNotice.getString("data.summary.status")).isEqualTo("RUNNING");
    assertThat(summaryNotice.getList("data.summary.actions.action", String.class))
        .containsExactly("REVOKE_SESSIONS");
    assertNoNames(summaryBody, everyone);

    // accounts: the UPNs in its own scope (the project group), nobody else's
    assertThat(accountsNotice.getString("data.tlp")).isEqualTo("TLP:AMBER+STRICT");
    assertThat(accountsNotice.getList("data.accounts", String.class))
        .containsExactlyInAnyOrder(inProject1.userPrincipalName(), inProject2.userPrincipalName());
    assertNoNames(accountsBody, List.of(outside, elsewhere));

    MimeMessage summaryMail = awaitMail(summaryContact);
    MimeMessage accountsMail = awaitMail(accountsContact);
    assertThat(summaryMail.getSubject()).startsWith("[TLP:AMBER] ").contains(incident.id);
    assertThat(accountsMail.getSubject()).startsWith("[TLP:AMBER+STRICT] ");
    String summaryText = text(summaryMail);
    String accountsText = text(accountsMail);
    assertThat(summaryText).startsWith("TLP:AMBER").contains("in your scope: 3");
    assertNoNames(summaryText, everyone);
    assertThat(accountsText)
        .startsWith("TLP:AMBER+STRICT")
        .contains(inProject1.userPrincipalName(), inProject2.userPrincipalName());
    assertNoNames(accountsText, List.of(outside, elsewhere));
    assertThat(summaryMail.getHeader("X-Cordon-Notice-Id")[0])
        .isEqualTo(summaryHook.received().getHeader("webhook-id"));
    assertThat(summaryMail.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly(summaryContact);
  }

  private static void assertNoNames(String content, List<AffectedAccount> accounts) {
    for (AffectedAccount account : accounts) {
      String upn = account.userPrincipalName();
      assertThat(content).doesNotContain(upn).doesNotContain(upn.substring(0, upn.indexOf('@')));
    }
  }

  private MimeMessage awaitMail(String recipient) {
    List<MimeMessage> found = new ArrayList<>();
    org.awaitility.Awaitility.await()
        .atMost(Notices.WAIT)
        .until(
            () -> {
              found.clear();
              for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient))) {
                  found.add(message);
                }
              }
              return !found.isEmpty();
            });
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static String text(MimeMessage message) throws Exception {
    return message.getContent().toString().replace("\r\n", "\n");
  }

  private Endpoint endpoint(String name) {
    Endpoint hook = new Endpoint("/hooks/" + unique(name), newSecret());
    endpoint.stubFor(
        post(urlEqualTo(hook.path))
            .andMatching(StandardWebhooksMatcher.NAME, Parameters.one("secret", hook.secret))
            .willReturn(aResponse().withStatus(200)));
    return hook;
  }

  private final class Endpoint {
    final String path;
    final String secret;
    final String url;

    Endpoint(String path, String secret) {
      this.path = path;
      this.secret = secret;
      this.url = "https://localhost:" + endpoint.httpsPort() + path;
    }

    LoggedRequest received() {
      List<LoggedRequest> received = endpoint.findAll(postRequestedFor(urlEqualTo(path)));
      assertThat(received).hasSize(1);
      return received.get(0);
    }
  }
}
