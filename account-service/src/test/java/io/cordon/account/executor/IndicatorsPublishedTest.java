package io.cordon.account.executor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.account.service.detection.DetectionFixtures;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.Indicator;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The indicators of compromise a report names reach CompromiseReported with their accounts. */
@QuarkusTest
@GraphExecutorResources
class IndicatorsPublishedTest {
  private static final String RESPONDER =
      TestJwt.token("responder@jaxa.example", TestJwt.RESPONDER);
  private static final String DETECTOR =
      TestJwt.token("sentinel-connector@jaxa.example", TestJwt.DETECTOR);
  private static final String TARO = "44444444-0000-4000-8000-000000000001";
  private static final String HANAKO = "44444444-0000-4000-8000-000000000002";

  @InjectGraphWireMock WireMockServer graph;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch()
        .user(TARO, "taro.ioc@jaxa.example", "Member", false, List.of(), List.of())
        .user(HANAKO, "hanako.ioc@jaxa.example", "Member", false, List.of(), List.of())
        .user(
            DetectionFixtures.MIKA,
            "mika.kobayashi@jaxa.example",
            "Member",
            false,
            List.of(),
            List.of())
        .install(graph);
  }

  @Test
  void csvIndicatorsAndFirstSeenTravelWithTheirAccounts() {
    String reportId =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType("text/csv")
            .queryParam("incidentId", "INC-IOC-CSV")
            .body(
                "account,first_seen,indicator\n"
                    + "taro.ioc@jaxa.example,2026-12-01T09:00:00+09:00,"
                    + "\"203.0.113.7 | micros0ft-login.example\"\n"
                    + TARO
                    + ",2026-11-30T12:00:00Z,"
                    + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
                    + "hanako.ioc@jaxa.example,,\n")
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(202)
            .extract()
            .path("reportId");

    Map<String, ResolvedAccount> byId = accounts(awaitReport(reportId));
    ResolvedAccount taro = byId.get(TARO);
    // the UPN line and the object id line name one account: both lines' evidence is kept
    assertThat(taro.firstSeenAt()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    assertThat(taro.indicators())
        .extracting(Indicator::type, Indicator::value, Indicator::source)
        .containsExactlyInAnyOrder(
            tuple(IndicatorType.IPV4, "203.0.113.7", "csv"),
            tuple(IndicatorType.DOMAIN, "micros0ft-login.example", "csv"),
            tuple(
                IndicatorType.SHA256,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "csv"));
    assertThat(byId.get(HANAKO).firstSeenAt()).isNull();
    assertThat(byId.get(HANAKO).indicators()).isEmpty();
  }

  @Test
  void aRiskDetectionsAddressLocationEventTypeAndUserAgentTravelWithItsAccount() {
    String location =
        given()
            .auth()
            .oauth2(DETECTOR)
            .contentType(ContentType.JSON)
            .body(DetectionFixtures.text("risk-detection.json"))
            .post("/api/v1/detections")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    String reportId = location.substring(location.lastIndexOf('/') + 1);

    ResolvedAccount mika = accounts(awaitReport(reportId)).get(DetectionFixtures.MIKA);
    Instant activity = Instant.parse("2024-06-18T01:44:12Z");
    assertThat(mika.firstSeenAt()).isEqualTo(activity);
    assertThat(mika.indicators())
        .allSatisfy(
            i -> {
              assertThat(i.source()).isEqualTo("entra-risk-detection");
              assertThat(i.observedAt()).isEqualTo(activity);
            })
        .extracting(Indicator::type, Indicator::value)
        .containsExactly(
            tuple(IndicatorType.IPV4, "185.220.101.47"),
            tuple(IndicatorType.LOCATION, "Frankfurt am Main, DE"),
            tuple(IndicatorType.RISK_EVENT_TYPE, "unfamiliarFeatures"),
            tuple(
                IndicatorType.USER_AGENT,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/125.0.0.0 Safari/537.36"));
  }

  private static Map<String, ResolvedAccount> accounts(CompromiseReported event) {
    return event.accounts().stream()
        .collect(Collectors.toMap(ResolvedAccount::objectId, Function.identity(), (a, b) -> a));
  }

  private static CompromiseReported awaitReport(String reportId) {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      List<CompromiseReported> found = List.of();
      while (found.isEmpty() && System.nanoTime() < deadline) {
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        found =
            kafka.readAll(Topics.COMPROMISE_REPORTS).stream()
                .filter(r -> reportId.equals(r.key()))
                .map(r -> EventJson.read(r.value(), CompromiseReported.class))
                .toList();
      }
      assertThat(found).isNotEmpty();
      return found.get(0);
    }
  }
}
