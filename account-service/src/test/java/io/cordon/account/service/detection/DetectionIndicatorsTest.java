package io.cordon.account.service.detection;

import static io.cordon.account.service.detection.DetectionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cordon.account.service.intake.RawEntry;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each detection shape names the indicators of compromise its payload carries, per account. */
class DetectionIndicatorsTest {

  private static Map<String, RawEntry> byValue(Detection detection) {
    return detection.entries().stream()
        .collect(Collectors.toMap(RawEntry::value, Function.identity()));
  }

  @Test
  void riskDetectionNamesAddressLocationEventTypeAndUserAgent() {
    Detection detection = new RiskDetectionShape().parse(json("risk-detection.json"));
    Instant at = Instant.parse("2024-06-18T01:44:12Z");

    RawEntry mika = detection.entries().get(0);
    assertThat(mika.firstSeenAt()).isEqualTo(at);
    assertThat(mika.indicators())
        .containsExactly(
            new Indicator(IndicatorType.IPV4, "185.220.101.47", at, "entra-risk-detection"),
            new Indicator(
                IndicatorType.LOCATION, "Frankfurt am Main, DE", at, "entra-risk-detection"),
            new Indicator(
                IndicatorType.RISK_EVENT_TYPE, "unfamiliarFeatures", at, "entra-risk-detection"),
            new Indicator(
                IndicatorType.USER_AGENT,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/125.0.0.0 Safari/537.36",
                at,
                "entra-risk-detection"));
  }

  @Test
  void graphAlertNamesItsIpEvidenceForEveryAccount() {
    Detection detection = new GraphAlertShape().parse(json("graph-alert.json"));

    assertThat(detection.entries())
        .isNotEmpty()
        .allSatisfy(
            entry -> {
              assertThat(entry.firstSeenAt()).isEqualTo(Instant.parse("2024-06-18T00:58:13.447Z"));
              assertThat(entry.indicators())
                  .containsExactly(
                      new Indicator(
                          IndicatorType.IPV4,
                          "203.0.113.45",
                          Instant.parse("2024-06-18T01:58:13.447Z"),
                          "defender"));
            });
  }

  @Test
  void graphIncidentNamesTheEvidenceOfAllItsAlerts() {
    Detection detection = new GraphIncidentShape().parse(json("graph-incident.json"));

    assertThat(detection.entries())
        .isNotEmpty()
        .allSatisfy(
            entry ->
                assertThat(entry.indicators())
                    .extracting(Indicator::type, Indicator::value, Indicator::source)
                    .containsExactly(tuple(IndicatorType.IPV4, "45.134.26.8", "defender")));
  }

  @Test
  void sentinelIncidentNamesItsIpEntity() {
    Detection detection = new SentinelIncidentShape().parse(json("sentinel-incident.json"));

    assertThat(detection.entries())
        .isNotEmpty()
        .allSatisfy(
            entry -> {
              assertThat(entry.firstSeenAt()).isEqualTo(Instant.parse("2024-06-18T01:31:07.441Z"));
              assertThat(entry.indicators())
                  .containsExactly(
                      new Indicator(
                          IndicatorType.IPV4,
                          "185.220.101.47",
                          Instant.parse("2024-06-18T02:31:07.441Z"),
                          "sentinel"));
            });
  }

  @Test
  void defenderStreamingNamesEachAlertsOwnEvidence() {
    Detection detection = new DefenderStreamingShape().parse(json("defender-streaming.json"));
    Map<String, RawEntry> accounts = byValue(detection);

    // the first alert's process names a file, the second alert an IP address
    assertThat(accounts.get("82fce6f8-5234-4d57-bdec-f5cb65c4753c").indicators())
        .extracting(Indicator::type, Indicator::value, Indicator::source)
        .containsExactly(
            tuple(
                IndicatorType.SHA256,
                "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c",
                "defender"));
    assertThat(accounts.get("yuki.suzuki@jaxa.example").indicators())
        .extracting(Indicator::type, Indicator::value, Indicator::observedAt)
        .containsExactly(
            tuple(IndicatorType.IPV4, "185.220.101.47", Instant.parse("2024-06-18T02:10:44.556Z")));
    assertThat(accounts.get("yuki.suzuki@jaxa.example").firstSeenAt())
        .isEqualTo(Instant.parse("2024-06-18T02:10:44.556Z"));
  }
}
