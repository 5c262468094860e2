package io.cordon.notification.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.Disclosure;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.RunState;
import io.cordon.contracts.Severity;
import io.cordon.contracts.Tlp;
import io.cordon.contracts.events.ActionTally;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.AffectedScopes;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.Indicator;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.RunSummary;
import io.cordon.contracts.events.ScopeCount;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a notice may say (DESIGN §7): disclosure decides whether names appear at all. */
class NoticeDocumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GroupRef H3 = new GroupRef("11111111-2222-3333-4444-555555555555", "H3");
  private static final AffectedAccount IN_SCOPE =
      AffectedAccount.of("alice.inscope@jaxa.jp", List.of(H3.id()))
          .withExposure(
              true,
              "CONTAINED",
              Instant.parse("2024-01-10T09:21:40Z"),
              Instant.parse("2024-01-02T03:04:05Z"));
  private static final AffectedAccount OUT_OF_SCOPE =
      AffectedAccount.of("bob.elsewhere@nasa.example", List.of());
  private static final NotificationRequested REQUEST =
      new NotificationRequested(
          1,
          "event-1",
          "notification-1",
          new IncidentRef("INC-7", "VPN breach", Severity.CRITICAL),
          new RunSummary(
              "run-1",
              "contain-compromised-account",
              RunState.PARTIALLY_SUCCEEDED,
              200,
              Instant.parse("2024-01-10T09:00:00Z"),
              Instant.parse("2024-01-10T09:20:00Z")),
          new AffectedScopes(List.of(H3), List.of("jaxa.jp", "nasa.example"), List.of("space")),
          List.of(
              new ScopeCount(ScopeCount.GROUP, H3.id(), 37),
              new ScopeCount(ScopeCount.TAG, "space", 200)),
          List.of(new ActionTally(ActionType.RESET_PASSWORD, 150, 10, 30, 10)),
          List.of(IN_SCOPE, OUT_OF_SCOPE),
          Instant.parse("2024-01-10T09:21:00Z"));
  private static final PartnerMatch MATCH =
      new PartnerMatch(List.of(H3), List.of(), List.of("space"), List.of(IN_SCOPE));

  @Test
  void summaryDisclosureCarriesCountsScopesActionsAndStatusButNoNames() throws Exception {
    JsonNode notice = json(Disclosure.SUMMARY, Tlp.AMBER);

    assertThat(notice.get("type").asText()).isEqualTo("cordon.partner-notice.v1");
    assertThat(notice.get("timestamp").asText()).isEqualTo("2024-01-10T09:22:00Z");
    JsonNode data = notice.get("data");
    assertThat(data.get("tlp").asText()).isEqualTo("TLP:AMBER");
    assertThat(data.get("disclosure").asText()).isEqualTo("summary");
    assertThat(data.has("accounts")).isFalse();
    assertThat(data.has("followUpOf")).isFalse();
    assertThat(data.at("/summary/status").asText()).isEqualTo("PARTIALLY_SUCCEEDED");
    assertThat(data.at("/summary/accountsTotal").asInt()).isEqualTo(200);
    assertThat(data.at("/summary/accountsInScope").asInt()).isEqualTo(1);
    assertThat(data.at("/summary/scopes/0/type").asText()).isEqualTo("group");
    assertThat(data.at("/summary/scopes/0/displayName").asText()).isEqualTo("H3");
    assertThat(data.at("/summary/scopes/0/accounts").asInt()).isEqualTo(37);
    assertThat(data.at("/summary/scopes/1/value").asText()).isEqualTo("space");
    assertThat(data.at("/summary/actions/0/requiresManual").asInt()).isEqualTo(30);
    String text = notice.toString();
    for (String part : List.of("alice", "inscope", "bob", "elsewhere", "@jaxa.jp")) {
      assertThat(text).doesNotContain(part);
    }
  }

  @Test
  void accountsDisclosureAddsOnlyTheUpnsInThePartnersScope() throws Exception {
    JsonNode data = json(Disclosure.ACCOUNTS, Tlp.AMBER_STRICT).get("data");

    assertThat(data.get("tlp").asText()).isEqualTo("TLP:AMBER+STRICT");
    assertThat(JSON.convertValue(data.get("accounts"), List.class))
        .containsExactly("alice.inscope@jaxa.jp");
    assertThat(data.toString()).doesNotContain("bob.elsewhere");
  }

  @Test
  void followUpsPointAtTheFirstNoticeAndSurviveARoundTrip() {
    UUID first = UUID.randomUUID();
    NoticeDocument followUp =
        NoticeDocuments.build(
            UUID.randomUUID(),
            3,
            first,
            Instant.parse("2024-01-10T10:00:00Z"),
            REQUEST,
            new NoticeDocuments.Recipient(UUID.randomUUID(), "JAXA", Disclosure.SUMMARY, Tlp.RED),
            MATCH);

    NoticeDocument read = NoticeDocuments.read(NoticeDocuments.write(followUp));

    assertThat(read).isEqualTo(followUp);
    assertThat(read.data().followUpOf()).isEqualTo(first.toString());
    assertThat(read.data().sequence()).isEqualTo(3);
  }

  @Test
  void theMailCarriesTheTlpMarkingAndTheSameDisclosure() {
    NoticeMail.Rendered summary = NoticeMail.render(document(Disclosure.SUMMARY, Tlp.AMBER));
    NoticeMail.Rendered accounts =
        NoticeMail.render(document(Disclosure.ACCOUNTS, Tlp.AMBER_STRICT));

    assertThat(summary.subject()).startsWith("[TLP:AMBER] ").contains("INC-7", "VPN breach");
    assertThat(summary.text()).startsWith("TLP:AMBER\n").endsWith("TLP:AMBER\n");
    assertThat(summary.text()).contains("RESET_PASSWORD: 150 / 10 / 30 / 10", "37 accounts");
    assertThat(summary.text()).doesNotContain("alice", "bob");
    assertThat(summary.text())
        .contains(
            "Privileged among them: 1",
            "Containment: CONTAINED",
            "Compromise window: 2024-01-02T03:04:05Z to 2024-01-10T09:21:40Z");
    assertThat(accounts.subject()).startsWith("[TLP:AMBER+STRICT] ");
    assertThat(accounts.text()).contains("alice.inscope@jaxa.jp").doesNotContain("bob");
  }

  @Test
  void theIndicatorsOfThePartnersAccountsTravelAsAStixBundleAndInTheMail() throws Exception {
    AffectedAccount marked =
        IN_SCOPE.withIndicators(
            List.of(
                new Indicator(IndicatorType.IPV4, "203.0.113.7", null, "csv"),
                new Indicator(IndicatorType.LOCATION, "Lagos, Lagos, NG", null, "csv")));
    AffectedAccount elsewhere =
        OUT_OF_SCOPE.withIndicators(
            List.of(new Indicator(IndicatorType.IPV4, "198.51.100.99", null, "csv")));
    NotificationRequested request =
        new NotificationRequested(
            1,
            "event-2",
            "notification-2",
            REQUEST.incident(),
            REQUEST.runSummary(),
            REQUEST.affectedScopes(),
            REQUEST.scopeCounts(),
            REQUEST.actionsTaken(),
            List.of(marked, elsewhere),
            REQUEST.requestedAt());
    NoticeDocument document =
        NoticeDocuments.build(
            UUID.randomUUID(),
            1,
            null,
            Instant.parse("2024-01-10T09:22:00Z"),
            request,
            new NoticeDocuments.Recipient(UUID.randomUUID(), "JAXA", Disclosure.SUMMARY, Tlp.RED),
            new PartnerMatch(List.of(H3), List.of(), List.of(), List.of(marked)));

    JsonNode data = JSON.readTree(NoticeDocuments.write(document)).get("data");
    assertThat(data.at("/stix/type").asText()).isEqualTo("bundle");
    assertThat(StixSchemas.errors(data.get("stix"))).isEmpty();
    assertThat(data.get("stix").toString())
        .contains("[ipv4-addr:value = '203.0.113.7']")
        .doesNotContain("198.51.100.99", "alice");
    assertThat(NoticeDocuments.read(NoticeDocuments.write(document))).isEqualTo(document);
    String text = NoticeMail.render(document).text();
    assertThat(text)
        .startsWith("TLP:RED\n")
        .endsWith("TLP:RED\n")
        .contains(
            "Indicators of compromise in your scope (TLP:RED",
            "- IPV4: 203.0.113.7 (seen on 1 account)\n- LOCATION: Lagos, Lagos, NG\n")
        .doesNotContain("198.51.100.99");
    // without indicators in its scope a notice carries no bundle and the mail lists none
    assertThat(json(Disclosure.ACCOUNTS, Tlp.AMBER).get("data").has("stix")).isFalse();
    assertThat(NoticeMail.render(document(Disclosure.SUMMARY, Tlp.AMBER)).text())
        .doesNotContain("Indicators of compromise");
  }

  @Test
  void aTitleCannotBreakTheSubjectLine() {
    NotificationRequested sneaky =
        new NotificationRequested(
            1,
            "e",
            "n",
            new IncidentRef("INC-8", "breach\r\nBcc: attacker@evil.example", null),
            REQUEST.runSummary(),
            REQUEST.affectedScopes(),
            List.of(),
            List.of(),
            List.of(),
            REQUEST.requestedAt());
    NoticeDocument document =
        NoticeDocuments.build(
            UUID.randomUUID(),
            1,
            null,
            Instant.now(),
            sneaky,
            new NoticeDocuments.Recipient(UUID.randomUUID(), "P", Disclosure.SUMMARY, Tlp.GREEN),
            MATCH);

    assertThat(NoticeMail.render(document).subject()).doesNotContain("\r", "\n");
  }

  private static NoticeDocument document(Disclosure disclosure, Tlp tlp) {
    return NoticeDocuments.build(
        UUID.randomUUID(),
        1,
        null,
        Instant.parse("2024-01-10T09:22:00Z"),
        REQUEST,
        new NoticeDocuments.Recipient(UUID.randomUUID(), "JAXA", disclosure, tlp),
        MATCH);
  }

  private static JsonNode json(Disclosure disclosure, Tlp tlp) throws Exception {
    return JSON.readTree(NoticeDocuments.write(document(disclosure, tlp)));
  }
}
