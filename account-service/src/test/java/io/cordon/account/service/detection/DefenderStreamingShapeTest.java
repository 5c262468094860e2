package io.cordon.account.service.detection;

import static io.cordon.account.service.detection.DetectionFixtures.DEFENDER_ALERT_A;
import static io.cordon.account.service.detection.DetectionFixtures.ITO;
import static io.cordon.account.service.detection.DetectionFixtures.TARO;
import static io.cordon.account.service.detection.DetectionFixtures.TENANT;
import static io.cordon.account.service.detection.DetectionFixtures.YUKI_UPN;
import static io.cordon.account.service.detection.DetectionFixtures.inputs;
import static io.cordon.account.service.detection.DetectionFixtures.json;
import static io.cordon.account.service.detection.DetectionFixtures.rejected;
import static io.cordon.account.service.detection.DetectionFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.account.service.intake.RawEntry;
import io.cordon.contracts.Severity;
import org.junit.jupiter.api.Test;

class DefenderStreamingShapeTest {
  private final DefenderStreamingShape shape = new DefenderStreamingShape();

  @Test
  void userEvidenceRowsOfEveryAlertBecomeOneReport() {
    JsonNode batch = json("defender-streaming.json");
    assertThat(shape.matches(batch)).isTrue();

    Detection detection = shape.parse(batch);

    // User rows only: the Process row's account and the DeviceLogonEvents record are not taken
    assertThat(values(detection)).containsExactly(TARO, YUKI_UPN, ITO);
    assertThat(inputs(detection)).containsExactly("records[2]", "records[6]", "records[7]");
    assertThat(detection.entries()).extracting(RawEntry::tenant).containsOnly(TENANT);
    assertThat(rejected(detection)).containsExactly("records[4]: jaxa\\svc-sql");
    assertThat(detection.incidentId()).isEqualTo(DEFENDER_ALERT_A);
    assertThat(detection.title())
        .isEqualTo("Suspicious sign-in activity from a compromised device (+1 more)");
    // AlertInfo rows carry the severities: Medium and High
    assertThat(detection.severity()).isEqualTo(Severity.HIGH);
    assertThat(detection.source()).isEqualTo("defender-streaming");
  }

  @Test
  void withoutAlertInfoTheSeverityIsTheDefault() {
    JsonNode batch =
        DetectionFixtures.parse(
            """
            {"records": [{"category": "AdvancedHunting-AlertEvidence", "properties": {
              "AlertId": "a1", "Title": "t", "EntityType": "User", "AccountUpn": "u@jaxa.example"}}]}
            """);

    Detection detection = shape.parse(batch);

    assertThat(values(detection)).containsExactly("u@jaxa.example");
    assertThat(detection.incidentId()).isEqualTo("a1");
    assertThat(detection.title()).isEqualTo("t");
    assertThat(detection.severity()).isEqualTo(Detection.DEFAULT_SEVERITY);
  }

  @Test
  void otherRecordBatchesAreNotDefenderStreaming() {
    // Entra diagnostic settings also send {records:[...]}
    JsonNode signInLogs =
        DetectionFixtures.parse(
            """
            {"records": [{"time": "2024-06-18T01:00:00Z", "category": "SignInLogs",
                          "properties": {"userPrincipalName": "u@jaxa.example"}}]}
            """);
    assertThat(shape.matches(signInLogs)).isFalse();
    assertThat(shape.matches(DetectionFixtures.parse("{\"records\": []}"))).isFalse();
    assertThat(shape.matches(json("graph-alerts-list.json"))).isFalse();
  }
}
