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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.RunState;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.Indicator;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.notification.mapping.StixSchemas;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 5 item 2: who gets a notice, follow-ups, and idempotent consumption. */
@QuarkusTest
@TestProfile(AllowPrivateTargetsProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(PartnerEndpointResource.class)
@QuarkusTestResource(GreenMailResource.class)
class NoticeMatchingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @InjectPartnerEndpoint WireMockServer endpoint;

  @Test
  void onlyPartnersWhoseScopesMeetTheIncidentAreNotified() throws Exception {
    Notices.Incident incident = new Notices.Incident();
    GroupRef named = incident.group(unique("Project H3 Team"));
    GroupRef byId = incident.group(unique("Rocket Engines"));
    String tag = unique("aerospace");
    incident.tag(tag);
    incident.account(unique("a") + "@" + unique("jaxa") + ".example", named);
    incident.account(unique("b") + "@" + unique("jaxa") + ".example", byId);
    String domain = unique("toyota") + ".example";
    incident.account(unique("c") + "@" + domain);

    Map<String, String> secrets =
        Map.of(
            "by-id-and-name", newSecret(),
            "by-id", newSecret(),
            "by-domain", newSecret(),
            "by-tag", newSecret(),
            "unrelated", newSecret());
    // registered with the name it had then: matched by the id, whatever the group is called now
    String byName =
        webhookPartner(
            "by-id-and-name",
            secrets,
            List.of(Map.of("id", named.id(), "displayName", "Project H3 (old name)")),
            List.of(),
            List.of());
    String byGroupId =
        webhookPartner(
            "by-id", secrets, List.of(byId.id().toUpperCase(Locale.ROOT)), List.of(), List.of());
    String byDomain =
        webhookPartner("by-domain", secrets, List.of(), List.of(domain.toUpperCase()), List.of());
    String byTag =
        webhookPartner(
            "by-tag", secrets, List.of(), List.of(), List.of(tag.toUpperCase(Locale.ROOT)));
    String unrelated =
        webhookPartner(
            "unrelated",
            secrets,
            List.of(UUID.randomUUID().toString(), byId.id().substring(0, 30) + "ffffff"),
            List.of(unique("toyota") + ".example"),
            List.of(unique("aerospace")));
    String emailOnly =
        createdId(
            partner(
                unique("Email only"),
                null,
                null,
                List.of(unique("soc") + "@partner.test"),
                List.of(),
                List.of(domain),
                List.of(),
                "summary"));

    publish(incident.request());

    JsonPath notices = awaitSettled(incident.id, 5);
    assertThat(notices.getList("items.partner.id", String.class))
        .containsExactlyInAnyOrder(byName, byGroupId, byDomain, byTag, emailOnly)
        .doesNotContain(unrelated);
    assertThat(notices.getList("items.deliveries.flatten().status", String.class))
        .containsOnly("DELIVERED");
    assertThat(notices.getList("items.sequence", Integer.class)).containsOnly(1);
    for (String name : List.of("by-id-and-name", "by-id", "by-domain", "by-tag")) {
      List<LoggedRequest> received = received(name);
      assertThat(received).as(name).hasSize(1);
      assertThat(StandardWebhooksMatcher.verifies(received.get(0), secrets.get(name))).isTrue();
      JsonNode envelope = JSON.readTree(received.get(0).getBodyAsString());
      assertThat(envelope.get("type").asText()).isEqualTo("cordon.partner-notice.v1");
      assertThat(envelope.get("timestamp").asText()).isNotBlank();
      assertThat(envelope.at("/data/tlp").asText()).isEqualTo("TLP:AMBER");
      assertThat(envelope.at("/data/incident/id").asText()).isEqualTo(incident.id);
      String webhookId = received.get(0).getHeader("webhook-id");
      assertThat(notices.getList("items.webhookId", String.class)).contains(webhookId);
    }
    assertThat(received("unrelated")).isEmpty();
  }

  @Test
  void aPartnerLimitedToTenantsHearsOnlyAboutTheirAccounts() throws Exception {
    String tenantA = UUID.randomUUID().toString();
    String tenantB = UUID.randomUUID().toString();
    Notices.Incident incident = new Notices.Incident();
    String domain = unique("shared") + ".example";
    String inA = unique("a") + "@" + domain;
    String inB = unique("b") + "@" + domain;
    incident.inTenant(incident.account(inA), tenantA);
    incident.inTenant(incident.account(inB), tenantB);
    // an account from a producer that names no tenant is no tenant's
    String unnamed = unique("c") + "@" + domain;
    incident.account(unnamed);
    Map<String, String> secrets =
        Map.of(
            "tenant-a", newSecret(), "tenant-elsewhere", newSecret(), "every-tenant", newSecret());
    String limitedToA =
        tenantPartner("tenant-a", secrets, domain, List.of(tenantA.toUpperCase(Locale.ROOT)));
    String limitedElsewhere =
        tenantPartner("tenant-elsewhere", secrets, domain, List.of(UUID.randomUUID().toString()));
    String everyTenant = tenantPartner("every-tenant", secrets, domain, List.of());
    Partners.as(Partners.ADMIN)
        .get(Partners.PATH + "/" + limitedToA)
        .then()
        .statusCode(200)
        .body("scopes.tenants", org.hamcrest.Matchers.contains(tenantA));

    publish(incident.request());

    JsonPath notices = awaitSettled(incident.id, 2);
    assertThat(notices.getList("items.partner.id", String.class))
        .containsExactlyInAnyOrder(limitedToA, everyTenant)
        .doesNotContain(limitedElsewhere);
    JsonNode toA = readTree(received("tenant-a").get(0).getBodyAsString());
    assertThat(toA.at("/data/accounts").toString()).contains(inA).doesNotContain(inB, unnamed);
    // the run's totals span tenants: the partner learns its own tenant's count only
    assertThat(toA.at("/data/summary/accountsTotal").asInt()).isEqualTo(1);
    assertThat(toA.at("/data/summary/accountsInScope").asInt()).isEqualTo(1);
    assertThat(toA.toString()).doesNotContain(tenantA).doesNotContain(tenantB);
    JsonNode toAll = readTree(received("every-tenant").get(0).getBodyAsString());
    assertThat(toAll.at("/data/accounts").toString()).contains(inA, inB, unnamed);
    assertThat(received("tenant-elsewhere")).isEmpty();
  }

  @Test
  void aTenantThatIsNoDirectoryIdIsRefusedNamingTheField() {
    Map<String, Object> body =
        partner(
            unique("Bad tenant"),
            null,
            null,
            List.of(unique("soc") + "@partner.test"),
            List.of(),
            List.of(unique("x") + ".example"),
            List.of(),
            "summary");
    @SuppressWarnings("unchecked")
    Map<String, Object> scopes = new java.util.HashMap<>((Map<String, Object>) body.get("scopes"));
    scopes.put("tenants", List.of("contoso.example"));
    body.put("scopes", scopes);
    Partners.create(body)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", org.hamcrest.Matchers.containsString("tenants"))
        .body("errors[0].reason", org.hamcrest.Matchers.containsString("directory id"));
  }

  private String tenantPartner(
      String key, Map<String, String> secrets, String domain, List<String> tenants) {
    String path = path(key);
    endpoint.stubFor(
        post(urlEqualTo(path))
            .andMatching(StandardWebhooksMatcher.NAME, Parameters.one("secret", secrets.get(key)))
            .willReturn(aResponse().withStatus(204)));
    Map<String, Object> body =
        partner(
            unique(key),
            "https://localhost:" + endpoint.httpsPort() + path,
            secrets.get(key),
            List.of(),
            List.of(),
            List.of(domain),
            List.of(),
            "accounts");
    body.put("scopes", Map.of("domains", List.of(domain), "tenants", tenants));
    return createdId(body);
  }

  @Test
  void aLaterRequestForTheSameIncidentIsAFollowUpOfTheFirstNotice() throws Exception {
    Notices.Incident incident = new Notices.Incident();
    GroupRef group = incident.group(unique("Project H3 Team"));
    incident.account(unique("a") + "@" + unique("jaxa") + ".example", group);
    Map<String, String> secrets = Map.of("follow-up", newSecret());
    String partnerId =
        webhookPartner("follow-up", secrets, List.of(group.id()), List.of(), List.of());

    publish(incident.request());
    String first = awaitSettled(incident.id, 1).getString("items[0].id");
    incident.account(unique("late") + "@" + unique("jaxa") + ".example", group);
    publish(incident.request());

    JsonPath notices = awaitSettled(incident.id, 2);
    assertThat(notices.getList("items.partner.id", String.class)).containsOnly(partnerId);
    assertThat(notices.getString("items[0].id")).isEqualTo(first);
    assertThat(notices.getInt("items[0].sequence")).isEqualTo(1);
    assertThat(notices.getString("items[0].followUpOf")).isNull();
    assertThat(notices.getInt("items[1].sequence")).isEqualTo(2);
    assertThat(notices.getString("items[1].followUpOf")).isEqualTo(first);
    assertThat(notices.getString("items[1].incident.id")).isEqualTo(incident.id);
    assertThat(notices.getString("items[1].webhookId"))
        .isNotEqualTo(notices.getString("items[0].webhookId"));

    List<LoggedRequest> received = received("follow-up");
    assertThat(received).hasSize(2);
    JsonNode followUp =
        received.stream()
            .map(r -> readTree(r.getBodyAsString()))
            .filter(body -> body.at("/data/sequence").asInt() == 2)
            .findFirst()
            .orElseThrow();
    assertThat(followUp.at("/data/followUpOf").asText()).isEqualTo(first);
    assertThat(followUp.at("/data/incident/id").asText()).isEqualTo(incident.id);
    assertThat(followUp.at("/data/summary/accountsInScope").asInt()).isEqualTo(2);
  }

  @Test
  void followUpsAreSentOnlyForNewsAndCarryThePartnersExposure() throws Exception {
    Notices.Incident incident = new Notices.Incident();
    GroupRef group = incident.group(unique("Project H3 Team"));
    String domain = unique("jaxa") + ".example";
    Instant firstActivity = Instant.parse("2026-11-20T08:15:00Z");
    incident.accounts.add(
        AffectedAccount.of(unique("admin") + "@" + domain, List.of(group.id()))
            .withExposure(true, "IN_PROGRESS", null, firstActivity));
    incident.accounts.add(
        AffectedAccount.of(unique("b") + "@" + domain, List.of(group.id()))
            .withExposure(false, "IN_PROGRESS", null, firstActivity.plusSeconds(3600)));
    Map<String, String> secrets = Map.of("news", newSecret());
    webhookPartner("news", secrets, List.of(group.id()), List.of(), List.of());

    publish(incident.request(RunState.RUNNING));
    awaitSettled(incident.id, 1);
    // another step's request telling the same: nothing new
    publish(incident.request(RunState.RUNNING));
    Instant lastContained = Instant.parse("2026-12-06T10:00:05Z");
    incident.accounts.set(
        0,
        incident
            .accounts
            .get(0)
            .withExposure(true, "CONTAINED", lastContained.minusSeconds(5), firstActivity));
    incident.accounts.set(
        1,
        incident
            .accounts
            .get(1)
            .withExposure(false, "CONTAINED", lastContained, firstActivity.plusSeconds(3600)));
    publish(incident.request(RunState.SUCCEEDED));
    awaitSettled(incident.id, 2);
    // a second closing request with the same figures, then a run naming a new account in scope
    publish(incident.request(RunState.SUCCEEDED));
    incident.accounts.add(
        AffectedAccount.of(unique("late") + "@" + domain, List.of(group.id()))
            .withExposure(false, "IN_PROGRESS", null, null));
    publish(incident.request(RunState.RUNNING));

    JsonPath notices = awaitSettled(incident.id, 3);
    assertThat(notices.getList("items.sequence", Integer.class)).containsExactly(1, 2, 3);
    List<JsonNode> bodies =
        received("news").stream()
            .map(r -> readTree(r.getBodyAsString()))
            .sorted(java.util.Comparator.comparingInt(b -> b.at("/data/sequence").asInt()))
            .toList();
    assertThat(bodies).hasSize(3);
    JsonNode first = bodies.get(0).at("/data/exposure");
    assertThat(first.path("accounts").asInt()).isEqualTo(2);
    assertThat(first.path("privileged").asInt()).isEqualTo(1);
    assertThat(first.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(Instant.parse(first.path("firstActivityAt").asText())).isEqualTo(firstActivity);
    assertThat(first.has("containedAt")).isFalse();
    JsonNode closing = bodies.get(1).at("/data/exposure");
    assertThat(closing.path("status").asText()).isEqualTo("CONTAINED");
    assertThat(Instant.parse(closing.path("containedAt").asText())).isEqualTo(lastContained);
    assertThat(closing.path("containment").path("CONTAINED").asInt()).isEqualTo(2);
    assertThat(bodies.get(1).at("/data/summary/status").asText()).isEqualTo("SUCCEEDED");
    JsonNode grown = bodies.get(2).at("/data/exposure");
    assertThat(grown.path("accounts").asInt()).isEqualTo(3);
    assertThat(grown.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(grown.has("containedAt")).isFalse();
  }

  @Test
  void aRedeliveredRequestSendsNothingNew() {
    Notices.Incident incident = new Notices.Incident();
    GroupRef group = incident.group(unique("Project H3 Team"));
    incident.account(unique("a") + "@" + unique("jaxa") + ".example", group);
    Map<String, String> secrets = Map.of("redelivered", newSecret());
    webhookPartner("redelivered", secrets, List.of(group.id()), List.of(), List.of());
    NotificationRequested request = incident.request();

    publish(request);
    awaitSettled(incident.id, 1);
    // Kafka redelivers the very event; a producer retry re-sends the request under a new event id
    publish(request);
    publish(
        new NotificationRequested(
            request.schemaVersion(),
            EventIds.random(),
            request.notificationId(),
            request.incident(),
            request.runSummary(),
            request.affectedScopes(),
            request.scopeCounts(),
            request.actionsTaken(),
            request.affectedAccounts(),
            request.requestedAt()));
    // same key, same partition: once this one is handled, the two before it were too
    publish(incident.request());

    JsonPath notices = awaitSettled(incident.id, 2);
    assertThat(notices.getList("items.sequence", Integer.class)).containsExactly(1, 2);
    assertThat(received("redelivered")).hasSize(2);
  }

  @Test
  void webhookNoticesCarryTheIndicatorsOfThePartnersAccountsAsAValidStixBundle() throws Exception {
    Notices.Incident incident = new Notices.Incident();
    String tag = unique("aerospace");
    incident.tag(tag);
    String domain = unique("jaxa") + ".example";
    String upn = unique("alice") + "@" + domain;
    incident.indicators(
        incident.account(upn),
        new Indicator(
            IndicatorType.IPV4, "203.0.113.7", Instant.parse("2024-01-03T00:00:00Z"), "csv"),
        new Indicator(IndicatorType.URL, "https://evil.example/it's", null, "csv"));
    String otherUpn = unique("bob") + "@" + unique("nasa") + ".example";
    incident.indicators(
        incident.account(otherUpn),
        new Indicator(IndicatorType.IPV4, "198.51.100.99", null, "defender"));
    Map<String, String> secrets =
        Map.of("stix-summary", newSecret(), "stix-accounts", newSecret(), "stix-tag", newSecret());
    webhookPartner("stix-summary", secrets, List.of(), List.of(domain), List.of());
    webhookPartner("stix-accounts", secrets, List.of(), List.of(domain), List.of(), "accounts");
    webhookPartner("stix-tag", secrets, List.of(), List.of(), List.of(tag));

    publish(incident.request());

    awaitSettled(incident.id, 3);
    for (String key : List.of("stix-summary", "stix-accounts")) {
      List<LoggedRequest> received = received(key);
      assertThat(received).as(key).hasSize(1);
      assertThat(StandardWebhooksMatcher.verifies(received.get(0), secrets.get(key))).isTrue();
      JsonNode envelope = JSON.readTree(received.get(0).getBodyAsString());
      assertThat(envelope.get("type").asText()).isEqualTo("cordon.partner-notice.v1");
      JsonNode stix = envelope.at("/data/stix");
      assertThat(stix.get("type").asText()).as(key).isEqualTo("bundle");
      assertThat(StixSchemas.errors(stix)).as(key).isEmpty();
      for (JsonNode object : stix.get("objects")) {
        assertThat(StixSchemas.errors(object)).as("%s %s", key, object).isEmpty();
      }
      String text = stix.toString();
      assertThat(text)
          .contains(
              "[ipv4-addr:value = '203.0.113.7']",
              "[url:value = 'https://evil.example/it\\\\'s']",
              "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421")
          .doesNotContain("198.51.100.99", otherUpn);
      if (key.equals("stix-summary")) {
        assertThat(text).doesNotContain(upn, "user-account");
      } else {
        assertThat(text).contains("\"account_login\":\"" + upn + "\"");
      }
    }
    List<LoggedRequest> tagOnly = received("stix-tag");
    assertThat(tagOnly).hasSize(1);
    JsonNode data = JSON.readTree(tagOnly.get(0).getBodyAsString()).get("data");
    assertThat(data.has("stix")).isFalse();
    assertThat(data.has("exposure")).isTrue();
  }

  private String webhookPartner(
      String key,
      Map<String, String> secrets,
      List<?> groups,
      List<String> domains,
      List<String> tags) {
    return webhookPartner(key, secrets, groups, domains, tags, "summary");
  }

  /** A partner with a webhook at its own path that verifies with its own secret. */
  private String webhookPartner(
      String key,
      Map<String, String> secrets,
      List<?> groups,
      List<String> domains,
      List<String> tags,
      String disclosure) {
    String path = path(key);
    endpoint.stubFor(
        post(urlEqualTo(path))
            .andMatching(StandardWebhooksMatcher.NAME, Parameters.one("secret", secrets.get(key)))
            .willReturn(aResponse().withStatus(204)));
    return createdId(
        partner(
            unique(key),
            "https://localhost:" + endpoint.httpsPort() + path,
            secrets.get(key),
            List.of(),
            groups,
            domains,
            tags,
            disclosure));
  }

  private final Map<String, String> pathsByKey = new java.util.HashMap<>();

  private String path(String key) {
    return pathsByKey.computeIfAbsent(key, k -> "/hooks/" + unique(k));
  }

  private List<LoggedRequest> received(String key) {
    return endpoint.findAll(postRequestedFor(urlEqualTo(path(key))));
  }

  private static JsonNode readTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
