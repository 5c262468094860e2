package io.cordon.account.service.detection;

import static io.cordon.account.service.detection.DetectionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.account.service.intake.RawEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Each detection shape states when its accounts were active, and whether it named an incident:
 * playbook-service contains an already contained account again only for activity after its
 * containment, and files a detection that names no incident under the open one holding its account.
 */
class DetectionActivityTest {

  private static Instant activity(Detection detection) {
    return detection.entries().stream()
        .map(RawEntry::activityAt)
        .distinct()
        .reduce(
            (a, b) -> {
              throw new AssertionError("entries disagree: " + a + " / " + b);
            })
        .orElseThrow();
  }

  @Test
  void riskDetectionNamesNoIncidentAndGivesItsActivityTime() {
    Detection detection = new RiskDetectionShape().parse(json("risk-detection.json"));

    assertThat(detection.incidentInferred()).isTrue();
    assertThat(activity(detection)).isEqualTo(Instant.parse("2024-06-18T01:44:12Z"));
  }

  @Test
  void graphAlertOfAnIncidentGivesItsLastActivity() {
    Detection detection = new GraphAlertShape().parse(json("graph-alert.json"));

    assertThat(detection.incidentInferred()).isFalse();
    assertThat(activity(detection)).isEqualTo(Instant.parse("2024-06-18T01:58:13.447Z"));
  }

  @Test
  void graphAlertWithoutIncidentNamesNone() {
    Detection detection =
        new GraphAlertShape()
            .parse(
                DetectionFixtures.parse(
                    json("graph-alert.json").toString().replace("\"incidentId\"", "\"x\"")));

    assertThat(detection.incidentInferred()).isTrue();
  }

  @Test
  void graphIncidentTakesTheLatestActivityOfItsAlerts() {
    Detection detection = new GraphIncidentShape().parse(json("graph-incident.json"));

    assertThat(detection.incidentInferred()).isFalse();
    assertThat(detection.entries())
        .extracting(RawEntry::activityAt)
        .containsOnly(Instant.parse("2024-06-19T01:40:05.772Z"));
  }

  @Test
  void sentinelIncidentGivesItsLastActivity() {
    Detection detection = new SentinelIncidentShape().parse(json("sentinel-incident.json"));

    assertThat(detection.incidentInferred()).isFalse();
    assertThat(activity(detection)).isEqualTo(Instant.parse("2024-06-18T02:31:07.441Z"));
  }

  @Test
  void defenderStreamingRecordsGiveTheirTimestampAndNameNoIncident() {
    Detection detection = new DefenderStreamingShape().parse(json("defender-streaming.json"));

    assertThat(detection.incidentInferred()).isTrue();
    // each alert's accounts carry that alert's time
    assertThat(detection.entries())
        .extracting(RawEntry::activityAt)
        .containsOnly(
            Instant.parse("2024-06-18T01:52:51.903Z"), Instant.parse("2024-06-18T02:10:44.556Z"));
  }
}
