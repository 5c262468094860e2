package io.cordon.playbook.run;

import static io.cordon.playbook.run.Runs.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.ReportSource;
import io.cordon.contracts.Severity;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.Indicator;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the incident keeps each evidence's first sighting and indicators of compromise, for
 * every disposition and once however often a chunk is delivered, and the notify step hands each
 * account's indicators (deduplicated, newest first) and earliest activity to notification-service.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class EvidenceIndicatorsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLAYBOOK = "test-indicators";

  private static CompromiseReported report(
      String reportId, String incidentId, List<ResolvedAccount> accounts) {
    return CompromiseReported.chunked(
            reportId,
            new IncidentRef(incidentId, "Leaked VPN credentials", Severity.HIGH),
            accounts,
            PLAYBOOK,
            ReportSource.CSV,
            RESPONDER,
            TestJwt.identityOf(RESPONDER),
            Instant.now())
        .get(0);
  }

  private static ResolvedAccount named(
      ResolvedAccount account, Instant activityAt, Instant firstSeenAt, Indicator... indicators) {
    return new ResolvedAccount(
        account.objectId(),
        account.userPrincipalName(),
        account.tenantId(),
        account.userType(),
        account.onPremisesSynced(),
        account.accountEnabled(),
        account.privilegedRoles(),
        account.groups(),
        activityAt,
        firstSeenAt,
        List.of(indicators));
  }

  private static Indicator indicator(IndicatorType type, String value, Instant at, String source) {
    return new Indicator(type, value, at, source);
  }

  private static String runOf(String reportId) {
    return EventIds.derived("run", reportId);
  }

  private static void awaitRun(String runId, String state) {
    await()
        .atMost(WAIT)
        .pollInterval(POLL)
        .until(
            () ->
                Runs.asViewer().get("/api/v1/runs/" + runId).statusCode() == 200
                    && state.equals(Runs.state(runId)));
  }

  private static JsonPath history(String objectId) {
    return Runs.asViewer()
        .get("/api/v1/accounts/" + objectId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static long storedIndicators(String objectId) {
    return Runs.queryLong(
        "select count(*) from evidence_indicator i join account_evidence e on e.id = i.evidence_id"
            + " where e.object_id = ?",
        objectId);
  }

  /** The notify step's request of a run (not the closing one). */
  private static JsonNode notice(KafkaTestClient kafka, String runId) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    await()
        .atMost(WAIT)
        .pollInterval(POLL)
        .until(
            () -> {
              found.clear();
              for (ConsumerRecord<String, String> record :
                  kafka.readAll(Topics.PARTNER_NOTIFICATIONS)) {
                JsonNode notice = JSON.readTree(record.value());
                if (runId.equals(notice.path("runSummary").path("runId").asText())
                    && !notice.path("notificationId").asText().endsWith(":closing")) {
                  found.add(notice);
                }
              }
              return !found.isEmpty();
            });
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static JsonNode affected(JsonNode notice, ResolvedAccount account) {
    for (JsonNode affected : notice.path("affectedAccounts")) {
      if (account.userPrincipalName().equals(affected.path("userPrincipalName").asText())) {
        return affected;
      }
    }
    throw new AssertionError("no " + account.userPrincipalName() + " in " + notice);
  }

  private static List<String> indicators(JsonNode affected) {
    List<String> values = new ArrayList<>();
    affected
        .path("indicators")
        .forEach(
            indicator ->
                values.add(
                    indicator.path("type").asText()
                        + " "
                        + indicator.path("value").asText()
                        + " "
                        + Optional.ofNullable(indicator.get("observedAt"))
                            .filter(JsonNode::isTextual)
                            .map(at -> Instant.parse(at.asText()).toString())
                            .orElse("-")
                        + " "
                        + indicator.path("source").asText("-")));
    return values;
  }

  @Test
  void theIncidentKeepsIndicatorsAndPartnerRequestsCarryThem() throws Exception {
    Runs.putPlaybook(
        """
        name: test-indicators
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: notify
            action: NOTIFY_PARTNERS
            scope: run
        """);
    String prefix = "ioc-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String incidentId = "INC-" + prefix;
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.DAYS);
    Instant day1 = base.plus(1, ChronoUnit.DAYS);
    ResolvedAccount alice = Accounts.account(prefix, 1);
    ResolvedAccount bob = Accounts.account(prefix, 2);
    // a sign-in feed naming 120 addresses, a minute apart: partners get the newest 100
    ResolvedAccount carol =
        named(
            Accounts.account(prefix, 4),
            null,
            null,
            IntStream.range(0, 120)
                .mapToObj(
                    i ->
                        indicator(
                            IndicatorType.IPV4,
                            "192.0.2." + i,
                            base.plus(i, ChronoUnit.MINUTES),
                            "entra-sign-ins"))
                .toArray(Indicator[]::new));

    // the first CSV: alice with a first sighting and four indicators, one of them twice in
    // different case; bob with one indicator and no times
    String first = "csv-" + prefix;
    CompromiseReported firstReport =
        report(
            first,
            incidentId,
            List.of(
                named(
                    alice,
                    base.plus(2, ChronoUnit.DAYS),
                    day1,
                    indicator(IndicatorType.IPV4, "203.0.113.7", day1.plusSeconds(3600), "csv"),
                    indicator(
                        IndicatorType.USER_AGENT,
                        "python-requests/2.31",
                        day1.plusSeconds(7200),
                        "csv"),
                    indicator(IndicatorType.DOMAIN, "Evil.example", day1, "csv"),
                    indicator(
                        IndicatorType.DOMAIN, "evil.EXAMPLE", day1.plusSeconds(18000), "csv")),
                named(bob, null, null, indicator(IndicatorType.IPV4, "203.0.113.7", null, "csv")),
                carol));

    try (TestResponder responder =
            TestResponder.start(prefix, request -> TestResponder.Answer.succeeded());
        KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(Topics.COMPROMISE_REPORTS, first, EventJson.write(firstReport));
      awaitRun(runOf(first), "SUCCEEDED");

      JsonPath aliceStory = history(alice.objectId());
      assertThat(aliceStory.getList("evidence.disposition")).containsExactly("CONTAINING");
      assertThat(Instant.parse(aliceStory.getString("evidence[0].firstSeenAt"))).isEqualTo(day1);
      assertThat(aliceStory.getList("evidence[0].indicators.type"))
          .containsExactly("IPV4", "USER_AGENT", "DOMAIN");
      assertThat(aliceStory.getList("evidence[0].indicators.value"))
          .containsExactly("203.0.113.7", "python-requests/2.31", "evil.EXAMPLE");
      assertThat(aliceStory.getList("evidence[0].indicators.source")).containsOnly("csv");
      assertThat(history(bob.objectId()).getString("evidence[0].firstSeenAt")).isNull();
      assertThat(history(bob.objectId()).getList("evidence[0].indicators.value"))
          .containsExactly("203.0.113.7");

      JsonNode firstNotice = notice(kafka, runOf(first));
      JsonNode aliceNotified = affected(firstNotice, alice);
      assertThat(indicators(aliceNotified))
          .containsExactly(
              "DOMAIN evil.EXAMPLE " + day1.plusSeconds(18000) + " csv",
              "USER_AGENT python-requests/2.31 " + day1.plusSeconds(7200) + " csv",
              "IPV4 203.0.113.7 " + day1.plusSeconds(3600) + " csv");
      assertThat(Instant.parse(aliceNotified.path("firstActivityAt").asText())).isEqualTo(day1);
      assertThat(indicators(affected(firstNotice, bob))).containsExactly("IPV4 203.0.113.7 - csv");
      assertThat(history(carol.objectId()).getList("evidence[0].indicators")).hasSize(120);
      List<String> carolNotified = indicators(affected(firstNotice, carol));
      assertThat(carolNotified).hasSize(100);
      assertThat(carolNotified.get(0))
          .isEqualTo("IPV4 192.0.2.119 " + base.plus(119, ChronoUnit.MINUTES) + " entra-sign-ins");
      assertThat(carolNotified.get(99))
          .isEqualTo("IPV4 192.0.2.20 " + base.plus(20, ChronoUnit.MINUTES) + " entra-sign-ins");

      // the first chunk again, then a second CSV; sent under the first one's key, so on the same
      // partition: once the second report's run has ended, the redelivery has been consumed too.
      // alice shows activity after her containment (contained again) with a new address, an old
      // one seen again and an earlier first sighting; bob is only named again (attached)
      kafka.send(Topics.COMPROMISE_REPORTS, first, EventJson.write(firstReport));
      String second = "csv2-" + prefix;
      Instant day3 = base.plus(3, ChronoUnit.DAYS);
      Instant day4 = base.plus(4, ChronoUnit.DAYS);
      kafka.send(
          Topics.COMPROMISE_REPORTS,
          first,
          EventJson.write(
              report(
                  second,
                  incidentId,
                  List.of(
                      named(
                          alice,
                          Instant.now(),
                          base,
                          indicator(
                              IndicatorType.IPV4, "203.0.113.7", day3, "entra-risk-detection"),
                          indicator(IndicatorType.IPV4, "198.51.100.9", day4, "csv")),
                      named(
                          bob,
                          null,
                          null,
                          indicator(
                              IndicatorType.DOMAIN,
                              "b-only.example",
                              base.plus(2, ChronoUnit.DAYS),
                              "csv"))))));
      awaitRun(runOf(second), "SUCCEEDED");

      aliceStory = history(alice.objectId());
      assertThat(aliceStory.getList("evidence.disposition"))
          .containsExactly("CONTAINING", "RECONTAINING");
      assertThat(aliceStory.getList("evidence[0].indicators")).hasSize(3);
      assertThat(aliceStory.getList("evidence[1].indicators.value"))
          .containsExactly("203.0.113.7", "198.51.100.9");
      assertThat(Instant.parse(aliceStory.getString("evidence[1].firstSeenAt"))).isEqualTo(base);
      assertThat(storedIndicators(alice.objectId())).isEqualTo(5);
      JsonPath bobStory = history(bob.objectId());
      assertThat(bobStory.getList("evidence.disposition"))
          .containsExactly("CONTAINING", "ATTACHED");
      assertThat(bobStory.getList("evidence[1].indicators.value"))
          .containsExactly("b-only.example");
      assertThat(storedIndicators(bob.objectId())).isEqualTo(2);

      JsonNode secondNotice = notice(kafka, runOf(second));
      assertThat(secondNotice.path("affectedAccounts")).hasSize(1);
      JsonNode aliceAgain = affected(secondNotice, alice);
      assertThat(indicators(aliceAgain))
          .containsExactly(
              "IPV4 198.51.100.9 " + day4 + " csv",
              "IPV4 203.0.113.7 " + day3 + " entra-risk-detection",
              "DOMAIN evil.EXAMPLE " + day1.plusSeconds(18000) + " csv",
              "USER_AGENT python-requests/2.31 " + day1.plusSeconds(7200) + " csv");
      assertThat(Instant.parse(aliceAgain.path("firstActivityAt").asText())).isEqualTo(base);
      assertThat(responder.requests()).hasSize(4);

      // the audit trail (and the incident timeline read from it) tells how many and since when
      JsonPath timeline =
          Runs.asViewer()
              .get("/api/v1/incidents/" + incidentId + "/timeline")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String recontaining =
          "items.find { it.action == 'evidence.recontaining' && it.accountId == '"
              + alice.objectId()
              + "' }.detail";
      assertThat(timeline.getInt(recontaining + ".indicators")).isEqualTo(2);
      assertThat(Instant.parse(timeline.getString(recontaining + ".firstSeenAt"))).isEqualTo(base);
    }
  }
}
