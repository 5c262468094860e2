package io.cordon.notification.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.Disclosure;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.Severity;
import io.cordon.contracts.Tlp;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The STIX 2.1 bundle of a notice: what it names, for whom, under which marking. */
class StixBundlesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UUID NOTICE = UUID.fromString("6f1c1a0e-1d2b-4c3d-8e4f-5a6b7c8d9e0f");
  private static final Instant AT = Instant.parse("2024-01-10T09:22:00.123456Z");
  private static final IncidentRef INCIDENT =
      new IncidentRef("INC-7", "VPN breach", Severity.CRITICAL);
  private static final String QUOTED_URL = "https://evil.example/a'b\\c";

  private static final AffectedAccount ALICE =
      AffectedAccount.of("alice.inscope@jaxa.jp", List.of("g1"))
          .withExposure(
              true,
              "CONTAINED",
              Instant.parse("2024-01-10T09:21:40Z"),
              Instant.parse("2024-01-02T03:04:05Z"))
          .withIndicators(
              List.of(
                  indicator(IndicatorType.IPV4, "203.0.113.7", "2024-01-03T00:00:00Z"),
                  indicator(IndicatorType.IPV6, "2001:db8::7", null),
                  indicator(IndicatorType.DOMAIN, "Evil.Example", null),
                  indicator(IndicatorType.URL, QUOTED_URL, null),
                  indicator(
                      IndicatorType.SHA256,
                      "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
                      null),
                  indicator(IndicatorType.USER_AGENT, "python-requests/2.31", null),
                  indicator(IndicatorType.LOCATION, "Lagos, Lagos, NG", null),
                  indicator(IndicatorType.RISK_EVENT_TYPE, "unfamiliarFeatures", null),
                  indicator(IndicatorType.TEXT, "phish sent to Alice.Inscope@jaxa.jp", null)));
  private static final AffectedAccount CAROL =
      AffectedAccount.of("carol.inscope@jaxa.jp", List.of("g1"))
          .withExposure(false, "CONTAINED", Instant.parse("2024-01-10T09:21:50Z"), null)
          .withIndicators(
              List.of(indicator(IndicatorType.IPV4, "203.0.113.7", "2024-01-05T00:00:00Z")));
  private static final AffectedAccount BOB =
      AffectedAccount.of("bob.elsewhere@nasa.example", List.of())
          .withIndicators(
              List.of(indicator(IndicatorType.IPV4, "198.51.100.99", "2024-01-04T00:00:00Z")));
  private static final List<AffectedAccount> IN_SCOPE = List.of(ALICE, CAROL);
  private static final List<AffectedAccount> ALL = List.of(ALICE, CAROL, BOB);

  private static Indicator indicator(IndicatorType type, String value, String observedAt) {
    return new Indicator(
        type, value, observedAt == null ? null : Instant.parse(observedAt), "entra-risk-detection");
  }

  private static JsonNode bundle(Disclosure disclosure, Tlp tlp) {
    return StixBundles.tree(
        StixBundles.build(
                new StixBundles.Subject(NOTICE, AT, INCIDENT, tlp, disclosure), IN_SCOPE, ALL)
            .orElseThrow());
  }

  private static List<JsonNode> objects(JsonNode bundle, String type) {
    return StreamSupport.stream(bundle.get("objects").spliterator(), false)
        .filter(o -> o.get("type").asText().equals(type))
        .toList();
  }

  private static JsonNode indicatorFor(JsonNode bundle, String value) {
    return objects(bundle, "indicator").stream()
        .filter(i -> i.get("name").asText().equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no indicator for " + value + " in " + bundle));
  }

  @Test
  void patternsEscapeQuotesAndBackslashesAsTheGrammarAsks() {
    assertThat(StixPatterns.escape("a'b\\c")).isEqualTo("a\\'b\\\\c");
    assertThat(StixPatterns.pattern(IndicatorType.URL, QUOTED_URL))
        .isEqualTo("[url:value = 'https://evil.example/a\\'b\\\\c']");
    assertThat(
            indicatorFor(bundle(Disclosure.SUMMARY, Tlp.AMBER), QUOTED_URL).get("pattern").asText())
        .isEqualTo("[url:value = 'https://evil.example/a\\'b\\\\c']");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "IPV4|203.0.113.7|[ipv4-addr:value = '203.0.113.7']",
        "IPV6|2001:db8::7|[ipv6-addr:value = '2001:db8::7']",
        "DOMAIN|evil.example|[domain-name:value = 'evil.example']",
        "URL|https://evil.example/x|[url:value = 'https://evil.example/x']",
        "SHA256|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855|"
            + "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
        "USER_AGENT|python-requests/2.31|"
            + "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'python-requests/2.31']"
      })
  void eachObservableTypeBecomesAnIndicatorWithItsPattern(
      IndicatorType type, String value, String pattern) {
    AffectedAccount only =
        AffectedAccount.of("erin@jaxa.jp", List.of())
            .withIndicators(List.of(indicator(type, value, null)));
    JsonNode bundle =
        StixBundles.tree(
            StixBundles.build(
                    new StixBundles.Subject(NOTICE, AT, INCIDENT, Tlp.AMBER, Disclosure.SUMMARY),
                    List.of(only),
                    List.of(only))
                .orElseThrow());
    JsonNode indicator = indicatorFor(bundle, value);

    assertThat(indicator.get("pattern").asText()).isEqualTo(pattern);
    assertThat(indicator.get("pattern_type").asText()).isEqualTo("stix");
    assertThat(indicator.at("/indicator_types/0").asText()).isEqualTo("malicious-activity");
    assertThat(StixPatterns.typeOf(pattern)).contains(type);
  }

  @Test
  void valuesWithoutAPatternTravelOnTheReportAsObservations() {
    JsonNode summary = objects(bundle(Disclosure.SUMMARY, Tlp.AMBER), "report").get(0);
    JsonNode accounts = objects(bundle(Disclosure.ACCOUNTS, Tlp.AMBER), "report").get(0);

    assertThat(StixPatterns.hasPattern(IndicatorType.LOCATION)).isFalse();
    assertThat(StixPatterns.hasPattern(IndicatorType.RISK_EVENT_TYPE)).isFalse();
    assertThat(StixPatterns.hasPattern(IndicatorType.TEXT)).isFalse();
    assertThat(summary.get("x_cordon_observations").toString())
        .isEqualTo(
            "[{\"type\":\"LOCATION\",\"value\":\"Lagos, Lagos, NG\",\"accounts\":1},"
                + "{\"type\":\"RISK_EVENT_TYPE\",\"value\":\"unfamiliarFeatures\",\"accounts\":1}]");
    // the free text names Alice: her own partner may read it, a summary partner may not
    assertThat(accounts.at("/x_cordon_observations/2/value").asText())
        .isEqualTo("phish sent to Alice.Inscope@jaxa.jp");
  }

  @Test
  void theSameNoticeMakesTheSameBundleAndAnotherNoticeOtherIds() {
    JsonNode once = bundle(Disclosure.ACCOUNTS, Tlp.AMBER);
    JsonNode again = bundle(Disclosure.ACCOUNTS, Tlp.AMBER);
    JsonNode other =
        StixBundles.tree(
            StixBundles.build(
                    new StixBundles.Subject(
                        UUID.randomUUID(), AT, INCIDENT, Tlp.AMBER, Disclosure.ACCOUNTS),
                    IN_SCOPE,
                    ALL)
                .orElseThrow());

    assertThat(once.toString()).isEqualTo(again.toString());
    assertThat(other.get("id").asText()).isNotEqualTo(once.get("id").asText());
    assertThat(indicatorFor(other, "203.0.113.7").get("id").asText())
        .isNotEqualTo(indicatorFor(once, "203.0.113.7").get("id").asText());
    // Cordon is one organisation whatever the notice; the official marking never changes
    assertThat(objects(other, "identity").get(0)).isEqualTo(objects(once, "identity").get(0));
    assertThat(once.get("id").asText())
        .isEqualTo("bundle--" + StixIds.uuid5(StixIds.CORDON, NOTICE + "|bundle|INC-7"));
    assertThat(UUID.fromString(once.get("id").asText().substring("bundle--".length())).version())
        .isEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource(Tlp.class)
  void everyObjectIsMarkedWithThePartnersOfficialTlp20Marking(Tlp tlp) throws Exception {
    JsonNode bundle = bundle(Disclosure.ACCOUNTS, tlp);
    String level = tlp.name().toLowerCase(java.util.Locale.ROOT).replace('_', '+');
    // as OASIS publishes it (cti-stix-common-objects, extension-definition-specifications/tlp-2.0)
    Map<Tlp, String> published =
        Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
    JsonNode expected =
        JSON.readTree(
            """
            {"type": "marking-definition", "spec_version": "2.1",
             "id": "%s", "created": "2022-10-01T00:00:00.000Z", "name": "%s",
             "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
                              {"extension_type": "property-extension", "tlp_2_0": "%s"}}}
            """
                .formatted(published.get(tlp), tlp.label(), level));

    List<JsonNode> markings = objects(bundle, "marking-definition");
    assertThat(markings).containsExactly(expected);
    int marked = 0;
    for (JsonNode object : bundle.get("objects")) {
      if (object.get("type").asText().equals("marking-definition")) {
        continue;
      }
      assertThat(JSON.convertValue(object.get("object_marking_refs"), List.class))
          .as("%s", object.get("id"))
          .containsExactly(published.get(tlp));
      marked++;
    }
    assertThat(marked).isGreaterThanOrEqualTo(bundle.get("objects").size() - 1);
  }

  @Test
  void aSummaryPartnersBundleNamesNoAccountAnywhere() {
    String text = bundle(Disclosure.SUMMARY, Tlp.AMBER).toString().toLowerCase();

    for (String part : List.of("alice", "carol", "bob", "inscope", "@jaxa.jp", "@nasa.example")) {
      assertThat(text).doesNotContain(part);
    }
    assertThat(text).doesNotContain("user-account").doesNotContain("observed-data");
    assertThat(text).doesNotContain("phish sent to"); // free text naming an account is left out
  }

  @Test
  void onlyTheIndicatorsOfAccountsInThePartnersScopeAppear() {
    for (Disclosure disclosure : Disclosure.values()) {
      String text = bundle(disclosure, Tlp.AMBER).toString();

      assertThat(text).contains("203.0.113.7").doesNotContain("198.51.100.99");
      assertThat(text).doesNotContain("bob.elsewhere");
    }
    assertThat(
            StixBundles.build(
                new StixBundles.Subject(NOTICE, AT, INCIDENT, Tlp.AMBER, Disclosure.ACCOUNTS),
                List.of(AffectedAccount.of("dave@jaxa.jp", List.of())),
                ALL))
        .isEmpty();
  }

  @Test
  void aValueSeenOnSeveralAccountsIsOneIndicatorWithOneSightingCountingThem() {
    JsonNode bundle = bundle(Disclosure.SUMMARY, Tlp.AMBER);
    JsonNode ip = indicatorFor(bundle, "203.0.113.7");

    assertThat(objects(bundle, "indicator")).filteredOn(i -> i.equals(ip)).hasSize(1);
    assertThat(ip.get("valid_from").asText()).isEqualTo("2024-01-03T00:00:00.000Z");
    JsonNode sighting =
        objects(bundle, "sighting").stream()
            .filter(s -> s.get("sighting_of_ref").equals(ip.get("id")))
            .findFirst()
            .orElseThrow();
    assertThat(sighting.get("count").asInt()).isEqualTo(2);
    // Alice's window opens on 2 January; Carol's containment closes it
    assertThat(sighting.get("first_seen").asText()).isEqualTo("2024-01-02T03:04:05.000Z");
    assertThat(sighting.get("last_seen").asText()).isEqualTo("2024-01-10T09:21:50.000Z");
    assertThat(indicatorFor(bundle, "2001:db8::7").get("valid_from").asText())
        .isEqualTo("2024-01-10T09:22:00.123Z");
    JsonNode report = objects(bundle, "report").get(0);
    assertThat(report.get("published").asText()).isEqualTo("2024-01-10T09:22:00.123Z");
    assertThat(report.get("name").asText()).isEqualTo("Incident INC-7: VPN breach");
    List<String> refs = new ArrayList<>();
    report.get("object_refs").forEach(r -> refs.add(r.asText()));
    assertThat(refs).contains(ip.get("id").asText(), sighting.get("id").asText());
  }

  @Test
  void anAccountsPartnerSeesItsOwnAccountsBehindTheSightings() {
    JsonNode bundle = bundle(Disclosure.ACCOUNTS, Tlp.AMBER);
    JsonNode ip = indicatorFor(bundle, "203.0.113.7");
    JsonNode sighting =
        objects(bundle, "sighting").stream()
            .filter(s -> s.get("sighting_of_ref").equals(ip.get("id")))
            .findFirst()
            .orElseThrow();
    JsonNode observed =
        objects(bundle, "observed-data").stream()
            .filter(o -> o.get("id").equals(sighting.at("/observed_data_refs/0")))
            .findFirst()
            .orElseThrow();

    assertThat(observed.get("number_observed").asInt()).isEqualTo(2);
    List<String> logins = new ArrayList<>();
    for (JsonNode ref : observed.get("object_refs")) {
      logins.add(
          objects(bundle, "user-account").stream()
              .filter(u -> u.get("id").equals(ref))
              .findFirst()
              .orElseThrow()
              .get("account_login")
              .asText());
    }
    assertThat(logins).containsExactly("alice.inscope@jaxa.jp", "carol.inscope@jaxa.jp");
  }

  @ParameterizedTest
  @EnumSource(Disclosure.class)
  void everyObjectAndTheBundleMeetTheOfficialStix21Schemas(Disclosure disclosure) {
    JsonNode bundle = bundle(disclosure, Tlp.AMBER_STRICT);

    for (JsonNode object : bundle.get("objects")) {
      assertThat(StixSchemas.errors(object)).as("%s", object).isEmpty();
    }
    assertThat(StixSchemas.errors(bundle)).isEmpty();
    assertThat(objects(bundle, "indicator")).hasSize(6);
    assertThat(objects(bundle, "sighting")).hasSize(6);
  }

  @Test
  void theSchemasDoRejectABrokenObject() {
    JsonNode indicator = indicatorFor(bundle(Disclosure.SUMMARY, Tlp.AMBER), "203.0.113.7");
    var broken = indicator.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("pattern");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken)
        .put("created", "2024-01-10T09:22:00Z");

    assertThat(StixSchemas.errors(indicator)).isEmpty();
    assertThat(StixSchemas.errors(broken)).isNotEmpty();
  }
}
